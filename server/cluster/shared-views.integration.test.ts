/**
 * Tag details and filtered views on an instance that does not ingest: two real servers in this
 * process on one real `redis-server`, the holder replaying the bundled sample fixture (several
 * languages, retweets) in a loop. What a client of the other instance asks (HTTP or socket) is
 * answered from the holder's job: the same posts, related tags and filtered lists as the holder
 * answers for the same batch, and live `detail` and `filter` updates each batch.
 */
import pino from 'pino';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate, ClientToServerEvents, DashboardSnapshot } from '@/lib/protocol';
import type { ServerToClientEvents } from '@/lib/protocol';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { startTestRedis } from '../../tests/support/redis-server';
import type { TestRedis } from '../../tests/support/redis-server';
import { waitFor } from '../../tests/support/wait-for';
import { loadConfig } from '../config';
import { createTagstreamServer } from '../create-server';
import type { TagstreamServer } from '../create-server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const BATCH_MS = 500;
/** A hang guard: on an idle machine the answers match within a few tries. */
const SAME_BATCH_TIMEOUT_MS = 30_000;

let redis: TestRedis;
const servers: { server: TagstreamServer; base: string }[] = [];
const clients: Client[] = [];
let holder: { server: TagstreamServer; base: string };
let follower: { server: TagstreamServer; base: string };

async function startInstance() {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'views-test:',
    LEASE_TTL_MS: '3000',
    TWEET_SOURCE: 'fixture',
    FIXTURE_PATH: 'fixtures/sample.jsonl.gz',
    FIXTURE_SPEED: '4',
    FIXTURE_LOOP: 'true',
    BATCH_INTERVAL_MS: String(BATCH_MS),
    WINDOWS: '30s,2m',
    CHECKPOINT_INTERVAL_MS: '5000',
    CLIENT_UPDATE_INTERVAL_MS: '50',
  } as NodeJS.ProcessEnv);
  const server = createTagstreamServer({ config, logger: pino({ level: 'silent' }), next: false });
  const { port } = await server.listen();
  const instance = { server, base: `http://127.0.0.1:${port}` };
  servers.push(instance);
  return instance;
}

beforeAll(async () => {
  redis = await startTestRedis();
  holder = await startInstance();
  await waitFor(() => holder.server.cluster?.status().role === 'holder', 'the lease', {
    timeoutMs: 15_000,
  });
  follower = await startInstance();
  // Enough of the replay for a 2 m window with several languages.
  await waitFor(() => (follower.server.store.latest()?.batchTime ?? 0) > 0, 'a batch', {
    timeoutMs: 20_000,
  });
  // Enough posts that every filter and window asked below has tags.
  await waitFor(
    async () => (await languages()).length >= 3 && (await busy()),
    'several languages',
    {
      timeoutMs: 20_000,
      pollMs: 100,
    },
  );
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const { server } of servers.reverse()) await server.close();
  await redis?.stop();
});

async function get<T = Record<string, unknown>>(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as T & { batchTime: number } };
}

async function busy(): Promise<boolean> {
  const { body } = await get<{ tweets: number }>(holder.base, '/api/trends?window=30s');
  return body.tweets >= 300;
}

async function languages(): Promise<string[]> {
  const { body } = await get<{ languages: { lang: string }[] }>(holder.base, '/api/languages');
  return body.languages.map(({ lang }) => lang);
}

/**
 * `path` asked of both instances until the follower answers (200) for a batch the holder answered
 * for: batches come every 125 ms of real time and the follower's views lag the holder's by the
 * sharing, so answers taken at one moment rarely match on a busy machine. The holder's answers
 * are kept by batch; the follower's first answer may wait for the holder to share (202).
 */
async function sameBatch<T = Record<string, unknown>>(path: string) {
  type Answer = Awaited<ReturnType<typeof get<T>>>;
  const holderAnswers = new Map<number, Answer>();
  const deadline = performance.now() + SAME_BATCH_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const [onHolder, onFollower] = await Promise.all([
      get<T>(holder.base, path),
      get<T>(follower.base, path),
    ]);
    if (onHolder.status === 200) holderAnswers.set(onHolder.body.batchTime, onHolder);
    const matching = holderAnswers.get(onFollower.body.batchTime);
    if (onFollower.status === 200 && matching) return { onHolder: matching, onFollower };
  }
  throw new Error(`no answers for the same batch: ${path}`);
}

function connect(base: string): Client {
  const client: Client = connectClient(base, { transports: ['websocket'], reconnection: false });
  clients.push(client);
  return client;
}

describe('on an instance that does not ingest', () => {
  it('is not the holder', () => {
    expect(follower.server.cluster?.status().role).toBe('standby');
  });

  it('answers filtered lists equal to the holder’s for the same batch', async () => {
    const [, second] = await languages();
    for (const query of [`lang=${second}`, 'originals=true', `lang=${second}&originals=true`]) {
      for (const window of ['30s', '2m']) {
        const path = `/api/trends?window=${window}&limit=50&${query}`;
        const { onHolder, onFollower } = await sameBatch<{ tags: unknown[] }>(path);
        expect(onFollower.status, path).toBe(200);
        expect(onFollower.body, path).toEqual(onHolder.body);
        expect(onFollower.body.tags.length, path).toBeGreaterThan(0);
      }
      const trending = await sameBatch(`/api/trending?${query}`);
      expect(trending.onFollower.status).toBe(200);
      expect(trending.onFollower.body).toEqual(trending.onHolder.body);
    }
    // The filtered list is not the plain one.
    const plain = await get<{ tags: unknown[] }>(follower.base, '/api/trends?window=2m');
    const filtered = await get<{ tags: unknown[] }>(
      follower.base,
      `/api/trends?window=2m&lang=${second}`,
    );
    expect(filtered.body.tags).not.toEqual(plain.body.tags);
  });

  it('answers a tag’s posts and related tags equal to the holder’s for the same batch', async () => {
    const top = await get<{ tags: { key: string }[] }>(holder.base, '/api/trends?window=2m');
    const key = encodeURIComponent(top.body.tags[0]!.key);
    const posts = await sameBatch<{ posts: unknown[] }>(`/api/trends/${key}/posts?limit=20`);
    expect(posts.onFollower.status).toBe(200);
    expect(posts.onFollower.body).toEqual(posts.onHolder.body);
    expect(posts.onFollower.body.posts.length).toBeGreaterThan(0);
    for (const window of ['30s', '2m']) {
      const related = await sameBatch(`/api/trends/${key}/related?window=${window}&limit=100`);
      expect(related.onFollower.status).toBe(200);
      expect(related.onFollower.body).toEqual(related.onHolder.body);
    }
    const summary = await sameBatch(`/api/trends/${key}`);
    expect(summary.onFollower.body).toEqual(summary.onHolder.body);
  });

  it('waits for a tag nobody asked for yet rather than refusing it', async () => {
    const path = '/api/trends/neverseenbefore/posts';
    const { status, body } = await get(follower.base, path);
    // The ask reaches the holder with one batch and the views come with the next: the answer
    // waits for them (200), or says `pending` (202) when they did not come within the wait.
    expect([200, 202]).toContain(status);
    expect(body.pending).toBe(status === 202 ? true : undefined);
    expect(body).toMatchObject({ key: 'neverseenbefore', posts: [] });
    // On an idle machine the first answer is the shared one; on a busy one the next asks get it.
    await waitFor(async () => (await get(follower.base, path)).status === 200, 'the shared views', {
      timeoutMs: 15_000,
      pollMs: 100,
    });
  });

  it('sends a socket’s tag detail with posts and related tags every batch', async () => {
    const top = await get<{ tags: { key: string }[] }>(holder.base, '/api/trends?window=30s');
    const key = top.body.tags[0]!.key;
    const client = connect(follower.base);
    const updates: TagDetailUpdate[] = [];
    client.on('detail', (update) => updates.push(update));
    await new Promise((resolve) => client.once('snapshot', resolve));
    client.emit('detail', { key, window: '30s' });
    const full = () => updates.filter((update) => update.pending === undefined);
    await waitFor(() => full().length >= 4, 'four detail updates', { timeoutMs: 15_000 });
    const batchTimes = full().map((update) => update.summary.batchTime!);
    expect(batchTimes).toEqual([...batchTimes].sort((a, b) => a - b));
    expect(new Set(batchTimes).size).toBe(batchTimes.length);
    for (const update of full()) {
      expect(update.unavailable).toBeUndefined();
      expect(update.summary.key).toBe(key);
      expect(update.posts.length).toBeGreaterThan(0);
      expect(update.related.window).toBe('30s');
      expect(update.related.related.length).toBeGreaterThan(0);
    }
  });

  it('sends a socket under a filter its snapshot and an update every batch, as the holder counts', async () => {
    const [, second] = await languages();
    const client = connect(follower.base);
    const snapshots: DashboardSnapshot[] = [];
    const batches: BatchUpdate[] = [];
    client.on('snapshot', (snapshot) => snapshots.push(snapshot));
    client.on('batch', (batch) => batches.push(batch));
    await waitFor(() => snapshots.length === 1, 'the first snapshot');
    client.emit('filter', { lang: second });
    await waitFor(() => snapshots.length === 2, 'the snapshot under the filter', {
      timeoutMs: 10_000,
    });
    expect(snapshots[1]!.filter).toEqual({ lang: second });
    const from = batches.length;
    await waitFor(() => batches.length >= from + 4, 'four filtered updates', { timeoutMs: 15_000 });
    // The holder's answer for a batch is compared with the update the socket got for it (the
    // follower's updates lag the holder's by the sharing).
    let compared = 0;
    const deadline = performance.now() + SAME_BATCH_TIMEOUT_MS;
    while (compared === 0 && performance.now() < deadline) {
      const onHolder = await get<{ tags: { key: string; count: number }[] }>(
        holder.base,
        `/api/trends?window=2m&limit=25&lang=${second}`,
      );
      const filtered = () => batches.slice(from);
      const sameBatchTime = (batch: BatchUpdate) => batch.batchTime === onHolder.body.batchTime;
      await waitFor(
        () => filtered().some(sameBatchTime) || batches.at(-1)!.batchTime > onHolder.body.batchTime,
        "the holder's batch over the socket",
        { timeoutMs: 10_000 },
      );
      const sentBatch = filtered().find(sameBatchTime);
      if (sentBatch === undefined) continue;
      const window = sentBatch.windows.find((candidate) => candidate.label === '2m')!;
      const sent = window.top.map(({ key, count }) => [key, count]);
      expect(sent).toEqual(onHolder.body.tags.map(({ key, count }) => [key, count]));
      compared++;
    }
    expect(compared).toBe(1);
    for (const batch of batches.slice(from)) expect(batch.filter).toEqual({ lang: second });
  });
});
