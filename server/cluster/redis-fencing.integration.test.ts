/**
 * The lease, the results stream, the checkpoint store, the shared history and the watched tags
 * against a real `redis-server`: one holder at a time, tokens that only grow, and writes of an
 * older holder refused.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { useEmptiedRedisClient } from '../../tests/support/emptied-redis-client';
import { waitFor } from '../../tests/support/wait-for';
import { RedisCheckpointStore } from '../state/redis-checkpoint-store';
import { clusterKeys } from './cluster-keys';
import { parsePublishedBatch } from './published-batch';
import type { PublishedBatch } from './published-batch';
import { RedisLease } from './redis-lease';
import { ResultsPublisher } from './results-publisher';
import { SharedHistory } from './shared-history';
import { SharedWatchedTags } from './shared-watched-tags';
import { TagHistory } from '@/lib/trends/history/tag-history';

const keys = clusterKeys('test:');
const redis = useEmptiedRedisClient();

function batch(token: number, batchTime: number): PublishedBatch {
  return {
    token,
    result: {
      batchTime,
      batchTweets: 0,
      duplicates: 0,
      batchCounts: [],
      windows: [],
      trending: [],
      cooling: [],
      trendWarmUpEndsMs: null,
    },
    stats: {} as PublishedBatch['stats'],
    source: {} as PublishedBatch['source'],
  };
}

describe('RedisLease', () => {
  it('lets one owner hold the lease until it releases it, with a higher token each time', async () => {
    const first = new RedisLease(redis.client, keys, 'a', 5000);
    const second = new RedisLease(redis.client, keys, 'b', 5000);
    expect(await first.acquire(0)).toBe(1);
    expect(await second.acquire(0)).toBeUndefined();
    expect(await second.release()).toBe(false);
    expect(await first.holder()).toBe('a');
    expect(await first.release()).toBe(true);
    expect(await second.acquire(0)).toBe(2);
    expect(await first.renew(1)).toBe('lost');
    expect(await second.renew(2)).toBe('renewed');
  });

  it('expires when not renewed within its ttl', async () => {
    const first = new RedisLease(redis.client, keys, 'a', 300);
    expect(await first.acquire(0)).toBe(1);
    expect(await first.holder()).toBe('a');
    // Redis itself lets the key expire: wait for that, not for a time.
    await waitFor(async () => (await first.holder()) === undefined, 'the lease to expire', {
      pollMs: 50,
    });
    expect(await new RedisLease(redis.client, keys, 'b', 300).acquire(0)).toBe(2);
  });

  it('draws tokens above the highest one seen after Redis lost its data', async () => {
    const lease = new RedisLease(redis.client, keys, 'a', 5000);
    expect(await lease.acquire(41)).toBe(42);
  });

  it('is taken back with the same token by its holder when Redis lost it', async () => {
    const lease = new RedisLease(redis.client, keys, 'a', 5000);
    const token = (await lease.acquire(0))!;
    await redis.client.flushAll();
    expect(await lease.renew(token)).toBe('reclaimed');
    expect(await lease.holder()).toBe('a');
    expect(await new RedisLease(redis.client, keys, 'b', 5000).acquire(0)).toBeUndefined();
  });

  it('is not taken back when a later holder drew a token meanwhile', async () => {
    const first = new RedisLease(redis.client, keys, 'a', 5000);
    await first.acquire(0);
    await first.release();
    const second = new RedisLease(redis.client, keys, 'b', 5000);
    await second.acquire(0);
    await second.release();
    expect(await first.renew(1)).toBe('lost');
    expect(await first.holder()).toBeUndefined();
  });
});

describe('ResultsPublisher', () => {
  it('refuses the batches of a holder whose token is older than the latest drawn', async () => {
    const logger = pino({ level: 'silent' });
    const lease = new RedisLease(redis.client, keys, 'a', 5000);
    const oldToken = (await lease.acquire(0))!;
    await lease.release();
    const newToken = (await new RedisLease(redis.client, keys, 'b', 5000).acquire(0))!;
    const publisher = new ResultsPublisher(redis.client, keys, 100, logger);
    await publisher.publish(batch(newToken, 2000));
    await publisher.publish(batch(oldToken, 4000));
    const entries = await redis.client.xRange(keys.results, '-', '+');
    expect(entries.map((entry) => parsePublishedBatch(entry.message)?.result.batchTime)).toEqual([
      2000,
    ]);
    expect(publisher.refusedCount).toBe(1);
  });
});

describe('RedisCheckpointStore', () => {
  it('keeps the bytes exactly and refuses a write with a lower token than the stored one', async () => {
    let token: number | undefined = 5;
    const store = new RedisCheckpointStore(redis.client, keys, () => token);
    const bytes = new Uint8Array([0, 255, 10, 13, 0, 128]);
    expect(await store.save(bytes)).toBe(true);
    expect(await store.load()).toEqual(bytes);
    token = 4;
    expect(await store.save(new Uint8Array([1]))).toBe(false);
    token = undefined;
    expect(await store.save(new Uint8Array([1]))).toBe(false);
    expect(await store.load()).toEqual(bytes);
    expect(await store.storedToken()).toBe(5);
  });

  it('refuses a write once a later holder drew a token, before that holder saved anything', async () => {
    const oldHolder = new RedisLease(redis.client, keys, 'a', 5000);
    const oldToken = (await oldHolder.acquire(0))!;
    await redis.client.del(keys.lease);
    await new RedisLease(redis.client, keys, 'b', 5000).acquire(0);
    const store = new RedisCheckpointStore(redis.client, keys, () => oldToken);
    expect(await store.save(new Uint8Array([1]))).toBe(false);
    expect(await store.load()).toBeUndefined();
  });

  it('sets a bad checkpoint aside under another key, kept', async () => {
    const store = new RedisCheckpointStore(
      redis.client,
      keys,
      () => 1,
      () => 1234,
    );
    await store.save(new Uint8Array([9]));
    const aside = await store.setAside('corrupt: bad header');
    expect(aside).toBe('test:checkpoint:aside:1234:corrupt-bad-header');
    expect(await store.load()).toBeUndefined();
    expect(await redis.client.hGet(aside, 'bytes')).toBe('\t');
  });
});

describe('the shared history', () => {
  const minute = Date.UTC(2026, 0, 1, 12, 0);

  function historyWith(count: number): TagHistory {
    const history = new TagHistory();
    history.addBatch([['worldcup', count]], minute + 1000);
    history.noteTop(['worldcup']);
    history.addBatch([['worldcup', 1]], minute + 61_000);
    return history;
  }

  it("gives a follower the holder's minutes, and refuses an older holder's write", async () => {
    let now = 0;
    const shared = new SharedHistory(redis.client, keys, 1000, () => now);
    expect(await shared.read()).toBeUndefined();
    await redis.client.set(keys.fence, '2');
    expect(await shared.write(historyWith(7), 2)).toBe(true);
    expect(await shared.write(historyWith(99), 1)).toBe(false);
    now = 1000;
    const read = (await shared.read())!;
    expect(read.minutesOf('worldcup', minute, minute)).toEqual([
      { time: minute, count: 7, state: 'counted' },
    ]);
  });

  it('reads Redis at most once per interval, then again', async () => {
    let now = 0;
    const shared = new SharedHistory(redis.client, keys, 1000, () => now);
    await shared.write(historyWith(3), 1);
    const first = await shared.read();
    await shared.write(historyWith(4), 1);
    now = 999;
    expect(await shared.read()).toBe(first);
    now = 1000;
    const second = (await shared.read())!;
    expect(second.minutesOf('worldcup', minute, minute)[0]!.count).toBe(4);
  });
});

describe('the watched tags of every instance', () => {
  it('unites what the instances wrote and forgets an instance that stopped writing', async () => {
    let now = 0;
    const a = new SharedWatchedTags(redis.client, keys.watched, 'a', 3000, () => now);
    const b = new SharedWatchedTags(redis.client, keys.watched, 'b', 3000, () => now);
    await a.write(['__proto__', 'worldcup']);
    now = 2000;
    await b.write(['worldcup', 'nba']);
    expect([...(await b.union())].sort()).toEqual(['__proto__', 'nba', 'worldcup']);
    now = 4000;
    expect([...(await b.union())].sort()).toEqual(['nba', 'worldcup']);
    expect(await redis.client.hKeys(keys.watched)).toEqual(['b']);
    await b.remove();
    expect((await a.union()).size).toBe(0);
  });
});
