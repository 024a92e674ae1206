import { afterEach, describe, expect, it } from 'vitest';
import { readLatestSnapshot, registerSnapshotReader } from './latest-snapshot-registry';
import { snapshot } from './client/test-factories';

describe('latest snapshot registry', () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });

  it('reads null when no server registered a reader', () => {
    expect(readLatestSnapshot()).toBeNull();
  });

  it('reads what the registered reader returns at the time of the call', () => {
    let batchTime = 2000;
    removals.push(registerSnapshotReader(() => snapshot({ batchTime })));
    expect(readLatestSnapshot()?.batchTime).toBe(2000);
    batchTime = 4000;
    expect(readLatestSnapshot()?.batchTime).toBe(4000);
  });

  it('keeps a later registration when an earlier one is removed', () => {
    const removeFirst = registerSnapshotReader(() => snapshot({ batchTime: 1 }));
    removals.push(registerSnapshotReader(() => snapshot({ batchTime: 2 })));
    removeFirst();
    expect(readLatestSnapshot()?.batchTime).toBe(2);
  });

  it('reads null when the reader throws', () => {
    removals.push(
      registerSnapshotReader(() => {
        throw new Error('store unavailable');
      }),
    );
    expect(readLatestSnapshot()).toBeNull();
  });
});
