/**
 * The real server (`createTagstreamServer`, no Next) fed by each live source against the mock X
 * API, one fault at a time: every post the mock sent is counted exactly once, no hashtag is
 * corrupted, the backoff follows X's policy (scaled by X_BACKOFF_SCALE = 0.001) and `/readyz`
 * tells the state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceStatus } from '@/lib/protocol';
import { loadConfig } from '@/server/config';
import { createTagstreamServer } from '@/server/create-server';
import type { TagstreamServer } from '@/server/create-server';
import { countHashtags } from '../../../scripts/mock-x-api/mock-posts';
import { startMockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApiOptions, StreamPlan } from '../../../scripts/mock-x-api/mock-types';
import { MOCK_TOKEN } from '../../../scripts/mock-x-api/test-support';
import { waitFor } from '@/tests/support/wait-for';

let mock: MockXApi | undefined;
let server: TagstreamServer | undefined;

// Each server checkpoints into its own folder: a checkpoint left by another test would restore
// its de-duplication table, and the mock's ids repeat from test to test.
let stateDir: string | undefined;

afterEach(async () => {
  await server?.close();
  await mock?.close();
  server = mock = undefined;
  if (stateDir !== undefined) rmSync(stateDir, { recursive: true, force: true });
  stateDir = undefined;
});

type Kind = 'filtered' | 'sample' | 'search';

const BATCH_MS = 100;
const STALL_TIMEOUT_MS = 1000;

async function startAll(
  kind: Kind,
  options: Partial<MockXApiOptions>,
  env: Record<string, string> = {},
) {
  mock = await startMockXApi({
    bearerToken: MOCK_TOKEN,
    streamPostCount: 80,
    searchRateLimit: { limit: 100_000, windowMs: 60_000 },
    ...options,
  });
  stateDir = mkdtempSync(join(tmpdir(), 'x-sources-state-'));
  const config = loadConfig({
    STATE_DIR: stateDir,
    TWEET_SOURCE: kind,
    X_BEARER_TOKEN: MOCK_TOKEN,
    X_API_BASE_URL: mock.url + '/',
    X_STREAM_RULES: '#日本語\nمرحبا',
    X_SEARCH_QUERY: '#日本語 OR #東京',
    X_BACKOFF_SCALE: '0.001',
    // Far above the mock's keep-alives (every 50 ms), so that only a planned stall trips it, not
    // a busy machine that holds up this process's event loop for a few hundred milliseconds.
    X_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS),
    X_POLL_INTERVAL_MS: '100',
    BATCH_INTERVAL_MS: String(BATCH_MS),
    WINDOWS: '1m',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
  server = createTagstreamServer({ config, next: false });
  const { url } = await server.listen();
  return { mock, server, url };
}

/** The fields these tests read from `/readyz` and `/api/trends`. */
interface Answer {
  status?: string;
  reason?: string;
  source: SourceStatus;
  tweets: number;
  tags: { tag: string; count: number }[];
}

async function getJson(url: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Answer };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`^${name} (\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

/**
 * Posts counted once: `tagstream_tweets_ingested_total` counts every post that entered a batch,
 * repeats included, and `tagstream_duplicate_tweets_total` the repeats the job dropped by id.
 */
async function countedOnce(url: string): Promise<number> {
  return (
    (await metric(url, 'tagstream_tweets_ingested_total')) -
    (await metric(url, 'tagstream_duplicate_tweets_total'))
  );
}

/** Waits until the server has counted every distinct post the mock sent, then checks counts. */
async function expectEverySentPostCountedOnce(url: string, api: MockXApi, streams = true) {
  await waitFor(() => !streams || api.unsentCount() === 0, 'mock sent everything');
  const expected = () => new Set(api.sentIds).size;
  await waitFor(async () => (await countedOnce(url)) === expected(), 'every post counted', {
    pollMs: 50,
  });
  // Two more batches must add nothing.
  const countedAt = server!.store.latest()?.batchTime ?? 0;
  await waitFor(
    () => (server!.store.latest()?.batchTime ?? 0) >= countedAt + 2 * BATCH_MS,
    'two more batches',
  );
  expect(await countedOnce(url)).toBe(expected());
  expect(await metric(url, 'tagstream_tweets_ingested_total')).toBe(api.sentIds.length);
  const trends = await getJson(`${url}/api/trends?window=1m&limit=100`);
  const counted = Object.fromEntries(trends.body.tags.map((tag) => [tag.tag, tag.count]));
  expect(counted).toEqual(Object.fromEntries(countHashtags(api.sentPosts())));
  expect(trends.body.tags.some((tag) => tag.tag.includes('\uFFFD'))).toBe(false);
  expect(trends.body.tweets).toBe(expected());
  return trends.body;
}

/** Fault name, the mock's plans, the reconnects they cause, extra mock options. */
const streamFaults: [string, StreamPlan[], number, Partial<MockXApiOptions>?][] = [
  ['a dropped connection', [{ kind: 'drop', afterPosts: 30 }], 1],
  ['an operational-disconnect', [{ kind: 'operational-disconnect', afterPosts: 25 }], 1],
  ['a malformed line', [{ kind: 'malformed', afterPosts: 10 }], 0],
  ['a stall', [{ kind: 'stall', afterPosts: 20 }], 1],
  ['accept-then-close connections', [{ kind: 'close-at-once' }, { kind: 'close-at-once' }], 2],
  ['redelivered posts', [{ kind: 'drop', afterPosts: 30 }], 1, { redeliverOnReconnect: 6 }],
];

describe('live sources through the real server', () => {
  it.each(['filtered', 'sample'] as const)(
    'counts every post of the %s stream once',
    async (kind) => {
      const { url, mock } = await startAll(kind, {});
      const trends = await expectEverySentPostCountedOnce(url, mock);
      expect(trends.tags.map((tag) => tag.tag)).toEqual(
        expect.arrayContaining(['日本語', 'ねこ🐈', 'مرحبا']),
      );
      const ready = await getJson(`${url}/readyz`);
      expect(ready).toMatchObject({
        status: 200,
        body: { source: { kind, connection: { state: 'live' } } },
      });
    },
  );

  it.each(streamFaults)(
    'filtered stream: counts every post once across %s',
    async (_name, plans, reconnects, extra) => {
      const { url, mock } = await startAll('filtered', { streamPlans: plans, ...extra });
      await expectEverySentPostCountedOnce(url, mock);
      expect(mock.connections.filter((c) => c.path === '/2/tweets/search/stream')).toHaveLength(
        reconnects + 1,
      );
      expect(await metric(url, 'tagstream_duplicate_tweets_total')).toBe(
        extra?.redeliverOnReconnect ?? 0,
      );
      expect(await metric(url, 'tagstream_bad_lines_total')).toBe(
        plans[0]!.kind === 'malformed' ? 1 : 0,
      );
      expect(await metric(url, 'tagstream_source_reconnects_total')).toBe(reconnects);
      expect((await getJson(`${url}/readyz`)).status).toBe(200);
    },
  );

  it('filtered stream: backs off 5 s then 10 s (scaled) on 503s', async () => {
    const plans = [503, 503].map((status) => ({ kind: 'status' as const, status }));
    const { url, mock } = await startAll('filtered', { streamPlans: plans });
    await expectEverySentPostCountedOnce(url, mock);
    const times = mock.connections.filter((c) => c.path.endsWith('/stream')).map((c) => c.atMs);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(4);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(9);
    expect(await metric(url, 'tagstream_source_errors_total')).toBe(2);
  });

  it('filtered stream: waits for the 429 reset, showing it in /readyz', async () => {
    const { url, mock } = await startAll('filtered', {
      streamPlans: [{ kind: 'status', status: 429, resetInSec: 1 }],
    });
    await waitFor(() => server!.source.status().connection.state === 'backing-off', 'backing off');
    const ready = await getJson(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.source.connection).toMatchObject({
      state: 'backing-off',
      reason: expect.stringMatching(/^429/),
    });
    const connection = ready.body.source.connection;
    const untilMs = connection.state === 'backing-off' ? connection.untilMs : NaN;
    expect(untilMs).toBeGreaterThan(Date.now());
    await expectEverySentPostCountedOnce(url, mock);
    const streams = mock.connections.filter((c) => c.path.endsWith('/stream'));
    expect(streams[1]!.atMs).toBeGreaterThanOrEqual(untilMs - 5);
  });

  it('filtered stream: 401 stops the source, /readyz says why, the process goes on', async () => {
    const { url } = await startAll('filtered', { bearerToken: 'a-different-token' });
    await waitFor(() => server!.source.status().connection.state === 'stopped', 'stopped');
    const ready = await getJson(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.source.connection).toEqual({
      state: 'stopped',
      reason: '401 Unauthorized: check X_BEARER_TOKEN',
    });
    expect(JSON.stringify(ready.body)).not.toContain(MOCK_TOKEN);
    expect((await getJson(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });

  it('sample stream: ready on keep-alives alone', async () => {
    const { url } = await startAll('sample', { streamPostCount: 0, keepAliveMs: 40 });
    await waitFor(() => server!.source.isReady(), 'connected');
    // Keep-alives 40 ms apart spanning more than the stall timeout.
    const keepAlives = STALL_TIMEOUT_MS / 40 + 5;
    await waitFor(() => mock!.keepAlivesSent() >= keepAlives, 'keep-alives past the stall timeout');
    expect(await getJson(`${url}/readyz`)).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
    expect(server!.source.status().reconnects).toBe(0);
  });

  it('recent search: counts every post once across pages, a 503, a drop and a 429', async () => {
    const { url, mock } = await startAll('search', {
      searchPlans: [
        { kind: 'normal' },
        { kind: 'status', status: 503 },
        { kind: 'drop' },
        { kind: 'status', status: 429, resetInSec: 0 },
      ],
    });
    mock.publishSearchPosts(40);
    await waitFor(() => mock.sentIds.length >= 40, 'first poll');
    mock.publishSearchPosts(230);
    await waitFor(() => new Set(mock.sentIds).size === 270, 'every page');
    await expectEverySentPostCountedOnce(url, mock, false);
    expect(await metric(url, 'tagstream_duplicate_tweets_total')).toBe(0);
    expect(await metric(url, 'tagstream_source_errors_total')).toBe(3);
    expect((await getJson(`${url}/readyz`)).status).toBe(200);
  });

  it('recent search: 401 stops the source with the reason in /readyz', async () => {
    const { url } = await startAll('search', { bearerToken: 'a-different-token' });
    await waitFor(() => server!.source.status().connection.state === 'stopped', 'stopped');
    expect(await getJson(`${url}/readyz`)).toMatchObject({
      status: 503,
      body: {
        source: {
          kind: 'search',
          connection: { reason: '401 Unauthorized: check X_BEARER_TOKEN' },
        },
      },
    });
  });
});
