import { afterEach, describe, expect, it } from 'vitest';
import { readLatestSnapshot, registerSnapshotReader } from './latest-snapshot-registry';
import { snapshot } from './client/test-factories';

describe('latest snapshot registry', () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });

  it('reads null when no server registered a reader', async () => {
    expect(await readLatestSnapshot()).toBeNull();
  });

  it('reads what the registered reader returns at the time of the call', async () => {
    let batchTime = 2000;
    removals.push(registerSnapshotReader(() => snapshot({ batchTime })));
    expect((await readLatestSnapshot())?.batchTime).toBe(2000);
    batchTime = 4000;
    expect((await readLatestSnapshot())?.batchTime).toBe(4000);
  });

  it('passes the filter of the address to the reader', async () => {
    removals.push(registerSnapshotReader(async (filter) => snapshot({ filter, batchTime: 1 })));
    const read = await readLatestSnapshot({ lang: 'pt', originalsOnly: true });
    expect(read?.filter).toEqual({ lang: 'pt', originalsOnly: true });
    expect((await readLatestSnapshot())?.filter).toEqual({});
  });

  it('keeps a later registration when an earlier one is removed', async () => {
    const removeFirst = registerSnapshotReader(() => snapshot({ batchTime: 1 }));
    removals.push(registerSnapshotReader(() => snapshot({ batchTime: 2 })));
    removeFirst();
    expect((await readLatestSnapshot())?.batchTime).toBe(2);
  });

  it('reads null when the reader throws or rejects', async () => {
    removals.push(
      registerSnapshotReader(() => {
        throw new Error('store unavailable');
      }),
    );
    expect(await readLatestSnapshot()).toBeNull();
    removals.push(registerSnapshotReader(() => Promise.reject(new Error('redis away'))));
    expect(await readLatestSnapshot()).toBeNull();
  });
});
