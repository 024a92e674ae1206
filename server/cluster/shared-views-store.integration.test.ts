/**
 * The shared views and the instances' demand against a real `redis-server`: views of an older
 * holder are refused, the latest kept; demands of instances that stopped writing are dropped;
 * a batch's views are not written once the job has moved past that batch.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { StoredPost } from '@/lib/trends/detail/detail-types';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { useEmptiedRedisClient } from '../../tests/support/emptied-redis-client';
import { clusterKeys } from './cluster-keys';
import { SharedViewDemand } from './shared-view-demand';
import { SharedViewsStore } from './shared-views';
import type { HolderViewSources, SharedViewsPayload } from './shared-views';
import { ViewSharing } from './view-sharing';

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

describe('ViewSharing', () => {
  it('labels the views with the batch whose detail they hold, the job’s newest', async () => {
    await redis.client.set(keys.fence, '1');
    const sharing = new ViewSharing({
      client: redis.client,
      keys,
      owner: 'holder',
      batchIntervalMs: 500,
      logger: pino({ level: 'silent' }),
    });
    // A stand-in for the job: its detail holds one post per batch closed, the newest first.
    const closed: number[] = [];
    const job = (): HolderViewSources => ({
      result: {
        batchTime: closed.at(-1)!,
        trending: [],
        cooling: [],
      } as unknown as TrendsBatchResult,
      detail: {
        postsOf: () =>
          closed.map((batchTime) => ({ id: String(batchTime) }) as StoredPost).reverse(),
        relatedOf: () => ({ related: [], posts: closed.length, countedSinceMs: 0, missed: 0 }),
      },
      filteredViews: undefined,
      windowsMs: [60_000],
    });
    const store = new SharedViewsStore(redis.client, keys);
    const newestPostOf = (payload: SharedViewsPayload | undefined) =>
      payload?.details[0]?.posts[0]?.id;
    const follower = new SharedViewDemand(redis.client, keys.demand, 'follower', 15_000, BOUNDS);
    await follower.write({ details: [['worldcup', [60_000], Date.now()]], filters: [] });
    closed.push(1000);
    await sharing.share(1, job);
    expect((await store.read())?.batchTime).toBe(1000);
    expect(newestPostOf(await store.read())).toBe('1000');
    // Batch 1500 is handed over, but the job closed 2000 before the demand was read.
    closed.push(1500);
    const sharing1500 = sharing.share(1, job);
    closed.push(2000);
    await sharing1500;
    expect((await store.read())?.batchTime).toBe(2000);
    expect(newestPostOf(await store.read())).toBe('2000');
  });
});
