/**
 * The real server on port 0 (no Next) replaying `fixtures/small.jsonl` at max speed, checked
 * with real clients against counts computed independently from the file.
 */
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BatchUpdate,
  ClientToServerEvents,
  ServerToClientEvents,
  DashboardSnapshot,
  WatchedSeriesUpdate,
  WindowResult,
} from '@/lib/protocol';
import { SOCKET_TOP_TAGS } from '@/lib/protocol';
import type { TagstreamServer } from './create-server';
import { batchCounts, modelPosts, windowCounts } from '../tests/support/fixture-counts';
import type { ModelPost } from '../tests/support/fixture-counts';
import { startFixtureServer } from '../tests/support/fixture-server';
import { waitFor } from '../tests/support/wait-for';
import { blockCounts } from '../tests/support/series-block';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const FIXTURE = 'fixtures/small.jsonl';
const BATCH_MS = 2000;
const EXACT_WINDOWS_MS = [60_000, 300_000];

let server: TagstreamServer;
let base = '';
let posts: ModelPost[];
const clients: Client[] = [];

beforeAll(async () => {
  posts = modelPosts(FIXTURE, BATCH_MS);
  ({ server, base } = await startFixtureServer(FIXTURE, { CLIENT_UPDATE_INTERVAL_MS: '100' }));
  const lastBatch = Math.max(...posts.map((post) => post.batchTime));
  await waitFor(() => (server.store.latest()?.batchTime ?? 0) >= lastBatch, 'the last batch', {
    timeoutMs: 20_000,
  });
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.close();
});

function connect(): Client {
  const client: Client = connectClient(base, { transports: ['websocket'], reconnection: false });
  clients.push(client);
  return client;
}

/** Every exact window of `windows` (cut to `SOCKET_TOP_TAGS`) against the model at `batchTime`. */
function expectWindowsMatch(windows: WindowResult[], batchTime: number): void {
  for (const windowMs of EXACT_WINDOWS_MS) {
    const window = windows.find((candidate) => candidate.windowMs === windowMs)!;
    const expected = windowCounts(posts, batchTime, windowMs);
    expect(window.tweets).toBe(expected.tweets);
    expect(window.approximate).toBe(false);
    const reported = new Map(window.top.map((tag) => [tag.key, tag.count]));
    const expectedForReported = new Map(
      window.top.map((tag) => [tag.key, expected.counts.get(tag.key)]),
    );
    expect(reported).toEqual(expectedForReported);
    expect(window.top).toHaveLength(Math.min(SOCKET_TOP_TAGS, expected.counts.size));
    const lowest = window.top.at(-1)?.count ?? 0;
    for (const [key, count] of expected.counts) {
      if (count > lowest) expect(reported.get(key), key).toBe(count);
    }
  }
}

describe('server replaying a fixture', () => {
  it('sends a snapshot whose windows and series equal the counts from the file', async () => {
    const client = connect();
    const snapshot = await new Promise<DashboardSnapshot>((resolve) =>
      client.once('snapshot', resolve),
    );
    const batchTime = snapshot.batchTime!;
    expect(batchTime % BATCH_MS).toBe(0);
    expectWindowsMatch(snapshot.windows, batchTime);
    expect(snapshot.series.points.length).toBeGreaterThan(50);
    for (const point of blockCounts(snapshot.series)) {
      const expected = batchCounts(posts, point.batchTime);
      for (const [key, count] of point.counts) {
        expect(count, `${key} at ${point.batchTime}`).toBe(expected.get(key) ?? 0);
      }
    }
    expect(snapshot.series.tags.map((tag) => tag.key)).toContain('worldcup');
    expect(snapshot.stats).toMatchObject({
      batchIntervalMs: BATCH_MS,
      badLines: 3,
      duplicateTweets: 6,
    });
    expect(snapshot.source).toMatchObject({ kind: 'fixture', speed: 'max' });
  });

  it('follows with batch updates that continue the series', async () => {
    const client = connect();
    const snapshot = await new Promise<DashboardSnapshot>((resolve) =>
      client.once('snapshot', resolve),
    );
    client.emit('watch', ['#NowPlaying', '#RareTagNobodyUses']);
    const update = await new Promise<BatchUpdate>((resolve) => client.once('batch', resolve));
    expect(update.batchTime).toBeGreaterThan(snapshot.batchTime!);
    expect(update.series.points[0]!.batchTime).toBe(snapshot.batchTime! + BATCH_MS);
    const watched = await new Promise<WatchedSeriesUpdate>((resolve) =>
      client.once('series', resolve),
    );
    const keys = [...update.series.tags, ...watched.series.tags].map((tag) => tag.key);
    expect(keys).toEqual(expect.arrayContaining(['nowplaying', 'raretagnobodyuses']));
    expectWindowsMatch(update.windows, update.batchTime);
  });

  it('answers /api/trends with the counts of the latest batch', async () => {
    for (const windowMs of EXACT_WINDOWS_MS) {
      const window = windowMs === 60_000 ? '1m' : '5m';
      const body = await (await fetch(`${base}/api/trends?window=${window}&limit=100`)).json();
      const expected = windowCounts(posts, body.batchTime, windowMs);
      expect(body).toMatchObject({ window, windowMs, tweets: expected.tweets });
      for (const tag of body.tags) expect(tag.count, tag.key).toBe(expected.counts.get(tag.key));
    }
  });

  it('answers a tag series equal to the per-batch counts from the file', async () => {
    const body = await (await fetch(`${base}/api/trends/%23WORLDCUP/series`)).json();
    expect(body.key).toBe('worldcup');
    for (const point of body.points) {
      expect(point.count).toBe(batchCounts(posts, point.batchTime).get('worldcup') ?? 0);
    }
  });

  it('reports readiness, metrics and bad requests', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const readyBody = await ready.json();
    expect(readyBody.source.label).toBe('replay max · ended');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const name of [
      'tagstream_tweets_ingested_total',
      'tagstream_tweets_dropped_total',
      'tagstream_bad_lines_total 3',
      'tagstream_duplicate_tweets_total 6',
      'tagstream_batches_total',
      'tagstream_failed_batches_total 0',
      'tagstream_batch_processing_seconds_bucket',
      'tagstream_batch_scheduling_delay_seconds_bucket',
      'tagstream_connected_clients',
      'tagstream_source_reconnects_total',
      'tagstream_source_errors_total',
      'tagstream_source_up 1',
      'process_cpu_seconds_total',
    ]) {
      expect(metrics).toContain(name);
    }
    expect((await fetch(`${base}/api/trends?window=2m`)).status).toBe(400);
    expect((await fetch(`${base}/api/trends?limit=0`)).status).toBe(400);
    expect((await fetch(`${base}/api/unknown`)).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });

  it('refuses a socket from another origin', async () => {
    const client: Client = connectClient(base, {
      transports: ['polling'],
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example' },
    });
    clients.push(client);
    const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
    expect(error).toBeInstanceOf(Error);
  });
});
