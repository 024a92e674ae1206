import { describe, expect, it } from 'vitest';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApiOptions } from '../../../scripts/mock-x-api/mock-types';
import { MOCK_TOKEN, postIds } from '../../../scripts/mock-x-api/test-support';
import type { capturingLogger } from '../../../scripts/mock-x-api/test-support';
import type { XTestConfig } from '../../../scripts/mock-x-api/test-support';
import { useSourceAgainstMockXApi } from './source-test-harness';
import { ManualServerClock } from '../../time/manual-server-clock';
import { waitFor } from '@/tests/support/wait-for';

const harness = useSourceAgainstMockXApi();

async function run(
  options: Partial<MockXApiOptions>,
  config: Partial<XTestConfig> = {},
  kind: 'filtered' | 'sample' = 'filtered',
  // Backoff sleeps pass at once; the watchdog and timeouts fire only when a test advances the
  // clock, so a busy machine cannot make a connection look stalled.
  clock: ManualServerClock = new ManualServerClock({ advanceOnSleep: true }),
) {
  const started = await harness.start(kind, { streamPostCount: 60, ...options }, config, {
    clock,
  });
  return { ...started, clock };
}

/** Waits until every post the mock holds has been sent and received. */
async function allReceived(sink: { lines: string[] }, api: MockXApi, what = 'all posts') {
  await waitFor(
    () =>
      api.unsentCount() === 0 && new Set(postIds(sink.lines)).size === new Set(api.sentIds).size,
    what,
  );
}

function reconnectDelays(logger: ReturnType<typeof capturingLogger>): number[] {
  return logger.entries
    .filter((entry) => entry.message?.includes('reconnecting'))
    .map((entry) => entry.obj.delayMs as number);
}

describe('XStreamSource against the mock X API', () => {
  it('delivers every post intact whatever the chunking, multi-byte hashtags included', async () => {
    const { sink, source } = await run({ streamPostCount: 200 });
    await allReceived(sink, harness.mock);
    expect(postIds(sink.lines)).toEqual(harness.mock.sentIds);
    expect(sink.lines.some((line) => line.includes('\uFFFD'))).toBe(false);
    const tags = sink.lines.flatMap((line) =>
      JSON.parse(line).data.entities.hashtags.map((h: { tag: string }) => h.tag),
    );
    expect(tags).toContain('日本語');
    expect(tags).toContain('ねこ🐈');
    expect(tags).toContain('مرحبا');
    expect(source.isReady()).toBe(true);
    expect(source.status()).toMatchObject({
      kind: 'filtered',
      connection: { state: 'live' },
      reconnects: 0,
      errors: 0,
    });
  });

  it.each([
    ['whole', []],
    ['across a drop', [{ kind: 'drop', afterPosts: 40 }]],
    ['across a stall', [{ kind: 'stall', afterPosts: 40 }]],
  ] as const)('reads a gzip-compressed stream %s', async (_name, plans) => {
    // Only the stall may rely on the watchdog: a drop must be seen through the decompressor.
    const { sink, clock } = await run(
      { gzip: true, streamPlans: [...plans], streamPostCount: 100 },
      { X_STALL_TIMEOUT_MS: 300 },
    );
    if (plans[0]?.kind === 'stall') {
      await waitFor(() => sink.lines.length === 40, 'the posts before the stall');
      await clock.advance(300);
    }
    await allReceived(sink, harness.mock);
    expect(postIds(sink.lines)).toEqual(harness.mock.sentIds);
    expect(sink.lines.some((line) => line.includes('\uFFFD'))).toBe(false);
    expect(harness.mock.connections).toHaveLength(1 + plans.length);
  });

  it('reads the sample stream with the same fields', async () => {
    const { sink } = await run({ streamPostCount: 20 }, {}, 'sample');
    await allReceived(sink, harness.mock);
    expect(harness.mock.connections[0]!.path).toBe('/2/tweets/sample/stream');
    expect(JSON.parse(sink.lines[0]!)).toHaveProperty('includes.users');
  });

  it('reconnects at once after a healthy connection drops, losing no whole post', async () => {
    const { sink, source, logger, clock } = await run({
      streamPlans: [{ kind: 'drop', afterPosts: 40 }],
      postIntervalMs: 3,
    });
    await waitFor(() => sink.lines.length > 0, 'the first post');
    await clock.advance(100); // the connection has been open long enough to count as healthy
    await allReceived(sink, harness.mock);
    expect(postIds(sink.lines)).toEqual(harness.mock.sentIds);
    expect(reconnectDelays(logger)).toEqual([0]);
    expect(source.status()).toMatchObject({ reconnects: 1, connection: { state: 'live' } });
  });

  it('backs off linearly when a server accepts and closes at once (no hot loop)', async () => {
    const plans = Array.from({ length: 4 }, () => ({ kind: 'close-at-once' as const }));
    const { sink, logger } = await run({ streamPlans: plans });
    await allReceived(sink, harness.mock);
    expect(reconnectDelays(logger)).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('backs off exponentially from 5 s (scaled) on HTTP 503, then recovers', async () => {
    const plans = [503, 503, 503].map((status) => ({ kind: 'status' as const, status }));
    const clock = new ManualServerClock({ advanceOnSleep: true });
    const { sink, source, logger } = await run({ streamPlans: plans }, {}, 'filtered', clock);
    await allReceived(sink, harness.mock);
    expect(reconnectDelays(logger)).toEqual([5, 10, 20]);
    expect(clock.slept).toEqual([5, 10, 20]);
    expect(source.status()).toMatchObject({
      reconnects: 3,
      errors: 3,
      connection: { state: 'live' },
    });
  });

  it('waits for the rate-limit reset after a 429, showing when it will retry', async () => {
    // The mock's reset header is wall-clock time: the manual clock starts there.
    const clock = new ManualServerClock({ startMs: Date.now() });
    const { sink, source } = await run(
      { streamPlans: [{ kind: 'status', status: 429, resetInSec: 1 }] },
      {},
      'filtered',
      clock,
    );
    await waitFor(() => source.status().connection.state === 'backing-off', 'backing off');
    const state = source.status().connection;
    if (state.state !== 'backing-off') throw new Error('not backing off');
    expect(state.reason).toMatch(/^429 Too Many Requests/);
    // The reset (1 s ahead, in whole seconds) outweighs the scaled 60 s backoff.
    expect(clock.slept).toHaveLength(1);
    expect(state.untilMs).toBe(clock.now() + clock.slept[0]!);
    expect(clock.slept[0]).toBeGreaterThan(60);
    expect(clock.slept[0]).toBeLessThanOrEqual(2_000);
    expect(source.isReady()).toBe(false);
    await clock.advanceTo(state.untilMs - 1);
    expect(harness.mock.connections.filter((c) => c.path.endsWith('/stream'))).toHaveLength(1);
    await clock.advanceTo(state.untilMs);
    await allReceived(sink, harness.mock);
    expect(source.isReady()).toBe(true);
  });

  it('syncs the rules again when the stream says it has none (409)', async () => {
    const { sink, source } = await run({
      streamPlans: [{ kind: 'drop', afterPosts: 10 }],
      postIntervalMs: 20,
      streamPostCount: 20,
    });
    await waitFor(() => sink.lines.length > 0, 'first post');
    harness.mock.rules.byId.clear();
    await allReceived(sink, harness.mock);
    const streams = harness.mock.connections.filter((c) => c.path.endsWith('/stream'));
    expect(streams.map((c) => c.status)).toEqual([200, 409, 200]);
    expect([...harness.mock.rules.byId.values()].map((rule) => rule.value)).toHaveLength(2);
    expect(source.status().connection).toEqual({ state: 'live' });
  });

  it('handles an operational-disconnect: counts it, reconnects, forwards nothing of it', async () => {
    const { sink, source } = await run({
      streamPlans: [{ kind: 'operational-disconnect', afterPosts: 20 }],
    });
    await allReceived(sink, harness.mock);
    expect(sink.lines.some((line) => line.includes('operational-disconnect'))).toBe(false);
    expect(postIds(sink.lines)).toEqual(harness.mock.sentIds);
    expect(source.status().errors).toBeGreaterThanOrEqual(1);
    expect(source.status().reconnects).toBe(1);
  });

  it('forwards a malformed line for the pipeline to count, and goes on', async () => {
    const { sink, source } = await run({ streamPlans: [{ kind: 'malformed', afterPosts: 10 }] });
    await allReceived(sink, harness.mock);
    expect(sink.lines).toHaveLength(harness.mock.sentIds.length + 1);
    expect(() => JSON.parse(sink.lines[10]!)).toThrow();
    expect(source.status().reconnects).toBe(0);
  });

  it('reconnects when nothing at all arrives for the stall timeout', async () => {
    const clock = new ManualServerClock();
    const { sink, source } = await run(
      { streamPlans: [{ kind: 'stall', afterPosts: 15 }] },
      { X_STALL_TIMEOUT_MS: 200 },
      'filtered',
      clock,
    );
    await waitFor(() => sink.lines.length === 15, 'the posts before the stall');
    await clock.advance(199);
    expect(harness.mock.connections.filter((c) => c.path.endsWith('/stream'))).toHaveLength(1);
    await clock.advance(1);
    await allReceived(sink, harness.mock);
    const [first, second] = harness.mock.connections.filter((c) => c.path.endsWith('/stream'));
    expect(first!.closedAtMs).toBeDefined();
    expect(second).toBeDefined();
    expect(source.status()).toMatchObject({ reconnects: 1, connection: { state: 'live' } });
  });

  it('gives up on a server that never answers, after the stall timeout', async () => {
    const clock = new ManualServerClock({ advanceOnSleep: true });
    const { sink, logger } = await run(
      { streamPlans: [{ kind: 'no-response' }] },
      { X_STALL_TIMEOUT_MS: 150 },
      'filtered',
      clock,
    );
    const streams = () => harness.mock.connections.filter((c) => c.path.endsWith('/stream'));
    await waitFor(() => streams().length === 1, 'the first stream request');
    await clock.advance(149);
    expect(streams()).toHaveLength(1);
    await clock.advance(1);
    await allReceived(sink, harness.mock);
    expect(streams()).toHaveLength(2);
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'X stream: network error: no response within 150 ms; reconnecting',
    );
  });

  it('stays ready on keep-alives alone, past the stall timeout', async () => {
    const { source, clock } = await run(
      { streamPostCount: 0, keepAliveMs: 30 },
      { X_STALL_TIMEOUT_MS: 150 },
    );
    await waitFor(() => source.isReady(), 'connected');
    // 500 ms of the source's clock, 100 ms after each keep-alive: each must re-arm the watchdog.
    for (let round = 0; round < 5; round++) {
      const sent = harness.mock.keepAlivesSent();
      await waitFor(() => harness.mock.keepAlivesSent() >= sent + 2, 'a keep-alive received');
      await clock.advance(100);
    }
    expect(source.isReady()).toBe(true);
    expect(harness.mock.connections).toHaveLength(1);
  });

  it('stops with a clear reason on 401 instead of retrying, never showing the token', async () => {
    const clock = new ManualServerClock();
    const { source, logger } = await run({ bearerToken: 'another-token' }, {}, 'filtered', clock);
    await waitFor(() => source.status().connection.state === 'stopped', 'stopped');
    expect(source.status().connection).toEqual({
      state: 'stopped',
      reason: '401 Unauthorized: check X_BEARER_TOKEN',
    });
    expect(source.isReady()).toBe(false);
    expect(clock.pendingCount).toBe(0); // no retry planned, ever
    expect(harness.mock.connections.map((request) => request.path)).toEqual([
      '/2/tweets/search/stream/rules',
    ]);
    expect(JSON.stringify([source.status(), logger.entries])).not.toContain(MOCK_TOKEN);
  });

  it('stops on 403 from the stream', async () => {
    const { source } = await run({ streamPlans: [{ kind: 'status', status: 403 }] });
    await waitFor(() => source.status().connection.state === 'stopped', 'stopped');
    expect(source.status().connection).toMatchObject({
      reason: expect.stringMatching(/^403 Forbidden/),
    });
    expect(harness.mock.connections).toHaveLength(1);
  });

  it('forwards posts repeated around a reconnect as they come (the pipeline drops them by id)', async () => {
    const { sink } = await run({
      streamPlans: [{ kind: 'drop', afterPosts: 30 }],
      redeliverOnReconnect: 5,
    });
    await allReceived(sink, harness.mock);
    expect(postIds(sink.lines)).toEqual(harness.mock.sentIds);
    expect(sink.lines.length - new Set(postIds(sink.lines)).size).toBe(5);
  });

  it('releases the connection promptly on stop', async () => {
    const { source } = await run({ streamPostCount: 0 });
    await waitFor(() => source.isReady(), 'connected');
    await source.stop();
    await waitFor(() => harness.mock.connections[0]!.closedAtMs !== undefined, 'connection closed');
    expect(source.status().connection).toEqual({ state: 'stopped', reason: 'stopped' });
  });
});
