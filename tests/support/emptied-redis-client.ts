/**
 * One throwaway `redis-server` and one connected node-redis client for a test file, emptied
 * before each test: registers the file's `beforeAll`, `afterAll` and `beforeEach` hooks.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RedisClient } from '@/server/cluster/redis-connection';
import { startTestRedis } from './redis-server';
import type { TestRedis } from './redis-server';

export interface EmptiedRedisClient {
  /** The connected client (set once the file's `beforeAll` has run). */
  readonly client: RedisClient;
}

export function useEmptiedRedisClient(): EmptiedRedisClient {
  let redis: TestRedis | undefined;
  let client: RedisClient | undefined;
  beforeAll(async () => {
    redis = await startTestRedis();
    client = createClient({ url: redis.url }) as RedisClient;
    client.on('error', () => undefined);
    await client.connect();
  });
  afterAll(async () => {
    client?.destroy();
    await redis?.stop();
  });
  beforeEach(async () => {
    await client!.flushAll();
  });
  return {
    get client(): RedisClient {
      if (!client) throw new Error('the Redis client is connected in beforeAll');
      return client;
    },
  };
}
