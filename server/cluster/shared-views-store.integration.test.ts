/**
 * The shared views and the instances' demand against a real `redis-server`: views of an older
 * holder are refused, the latest kept; demands of instances that stopped writing are dropped.
 */
import { describe, expect, it } from 'vitest';
import { useEmptiedRedisClient } from '../../tests/support/emptied-redis-client';
import { clusterKeys } from './cluster-keys';
import { SharedViewDemand } from './shared-view-demand';
import { SharedViewsStore } from './shared-views';
import type { SharedViewsPayload } from './shared-views';

const keys = clusterKeys('views-store-test:');
const BOUNDS = { maxTags: 64, maxFilters: 16 };
const redis = useEmptiedRedisClient();

const payload = (batchTime: number): SharedViewsPayload => ({
  batchTime,
  details: [
    {
      key: '__proto__',
      posts: [],
      windows: [
        [60_000, { related: [['constructor', 2]], posts: 2, countedSinceMs: 0, missed: 0 }],
      ],
      relatedWindowsMs: [60_000],
    },
  ],
  filters: [],
});

describe('SharedViewsStore', () => {
  it('keeps the latest views of the current holder and refuses an older holder’s', async () => {
    const store = new SharedViewsStore(redis.client, keys);
    expect(await store.read()).toBeUndefined();
    await redis.client.set(keys.fence, '2');
    expect(await store.write(payload(1000), 2).sent).toBe(true);
    expect(await store.write(payload(1500), 1).sent).toBe(false);
    expect(await store.read()).toEqual(payload(1000));
    await redis.client.set(keys.fence, '3');
    expect(await store.write(payload(2000), 2).sent).toBe(false);
    expect(await store.write(payload(2000), 3).sent).toBe(true);
    expect((await store.read())?.batchTime).toBe(2000);
  });
});

describe('SharedViewDemand', () => {
  it('merges the instances’ demands and drops those that stopped writing', async () => {
    let nowMs = 10_000;
    const clock = () => nowMs;
    const first = new SharedViewDemand(redis.client, keys.demand, 'a', 15_000, BOUNDS, clock);
    const second = new SharedViewDemand(redis.client, keys.demand, 'b', 15_000, BOUNDS, clock);
    await first.write({ details: [['worldcup', [60_000], 9000]], filters: [] });
    nowMs = 20_000;
    await second.write({
      details: [['worldcup', [300_000], 19_000]],
      filters: [[{ lang: 'pt' }, 19_000]],
    });
    expect(await first.union()).toEqual({
      details: [['worldcup', [60_000, 300_000], 19_000]],
      filters: [[{ lang: 'pt' }, 19_000]],
    });
    nowMs = 26_000;
    expect((await first.union()).details).toEqual([['worldcup', [300_000], 19_000]]);
    expect(await redis.client.hKeys(keys.demand)).toEqual(['b']);
    await second.write({ details: [], filters: [] });
    expect(await redis.client.exists(keys.demand)).toBe(0);
  });

  it('leaves out entries that are not a demand and filters that are not filters', async () => {
    const demand = new SharedViewDemand(redis.client, keys.demand, 'a', 15_000, BOUNDS);
    await redis.client.hSet(keys.demand, 'broken', '{not json');
    await redis.client.hSet(
      keys.demand,
      'odd',
      JSON.stringify({
        writtenAtMs: Date.now(),
        details: [['ok', [60_000], 1], ['bad', 'x', 1], 7],
        filters: [
          [{ lang: '__proto__' }, 1],
          [{}, 1],
          [{ lang: 'PT' }, 2],
        ],
      }),
    );
    expect(await demand.union()).toEqual({
      details: [['ok', [60_000], 1]],
      filters: [[{ lang: 'pt' }, 2]],
    });
    expect(await redis.client.hKeys(keys.demand)).toEqual(['odd']);
  });
});
