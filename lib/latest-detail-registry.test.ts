import { afterEach, describe, expect, it } from 'vitest';
import type { TagDetailRequest, TagDetailUpdate } from './tag-detail-protocol';
import { readLatestDetail, registerDetailReader } from './latest-detail-registry';

function detailOf({ key, window = '5m' }: TagDetailRequest, batchTime: number): TagDetailUpdate {
  return {
    summary: { key, tag: key, batchTime, windows: [], trend: null },
    posts: [],
    related: {
      key,
      tag: key,
      window,
      windowMs: 300_000,
      batchTime,
      related: [],
      posts: 0,
      countedSinceMs: null,
      missed: 0,
    },
  };
}

describe('latest detail registry', () => {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });

  it('reads null when no server registered a reader', async () => {
    expect(await readLatestDetail({ key: 'worldcup' })).toBeNull();
  });

  it('passes the tag and window asked to the reader, at the time of the call', async () => {
    let batchTime = 2000;
    removals.push(registerDetailReader((request) => detailOf(request, batchTime)));
    const first = await readLatestDetail({ key: 'worldcup', window: '15m' });
    expect(first?.summary.key).toBe('worldcup');
    expect(first?.related.window).toBe('15m');
    batchTime = 4000;
    expect((await readLatestDetail({ key: 'f1' }))?.summary.batchTime).toBe(4000);
  });

  it('keeps a later registration when an earlier one is removed', async () => {
    const removeFirst = registerDetailReader((request) => detailOf(request, 1));
    removals.push(registerDetailReader((request) => detailOf(request, 2)));
    removeFirst();
    expect((await readLatestDetail({ key: 'worldcup' }))?.summary.batchTime).toBe(2);
  });

  it('reads null when the reader throws or rejects', async () => {
    removals.push(
      registerDetailReader(() => {
        throw new Error('store unavailable');
      }),
    );
    expect(await readLatestDetail({ key: 'worldcup' })).toBeNull();
    removals.push(registerDetailReader(async () => Promise.reject(new Error('gone'))));
    expect(await readLatestDetail({ key: 'worldcup' })).toBeNull();
  });
});
