import { describe, expect, it } from 'vitest';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApiOptions } from '../../../scripts/mock-x-api/mock-types';
import { MOCK_TOKEN, postIds } from '../../../scripts/mock-x-api/test-support';
import type { XTestConfig } from '../../../scripts/mock-x-api/test-support';
import { useSourceAgainstMockXApi } from './source-test-harness';
import type { ServerClock } from '../../time/server-clock';
import { ManualServerClock } from '../../time/manual-server-clock';
import { waitFor } from '@/tests/support/wait-for';

const harness = useSourceAgainstMockXApi();

function run(
  options: Partial<MockXApiOptions> = {},
  config: Partial<XTestConfig> = {},
  published = 0,
  clock?: ServerClock,
) {
  return harness.start(
    'search',
    { searchRateLimit: { limit: 100_000, windowMs: 60_000 }, ...options },
    config,
    { prepare: (mock) => mock.publishSearchPosts(published), clock },
  );
}

const searchRequests = (api: MockXApi) =>
  api.connections.filter((c) => c.path === '/2/tweets/search/recent');

/** Waits for two more polls: the first of them has been answered and handled by then. */
async function twoMorePolls(api: MockXApi): Promise<void> {
  const before = searchRequests(api).length;
  await waitFor(() => searchRequests(api).length >= before + 2, 'two more polls');
}

describe('XSearchSource against the mock X API', () => {
  it('pushes each post as a stream line with its author', async () => {
    const { sink, source } = await run({}, {}, 30);
    await waitFor(() => sink.lines.length === 30, '30 lines');
    const line = JSON.parse(sink.lines[0]!);
    expect(Object.keys(line)).toEqual(['data', 'includes']);
    expect(line.includes.users).toHaveLength(1);
    expect(line.includes.users[0].id).toBe(line.data.author_id);
    expect(BigInt(line.data.id) < BigInt(JSON.parse(sink.lines[29]!).data.id)).toBe(true);
    const query = Object.fromEntries(searchRequests(harness.mock)[0]!.query);
    expect(query).toMatchObject({
      query: 'has:hashtags',
      max_results: '100',
      expansions: 'author_id',
    });
    expect(query['tweet.fields']).toBe(
      'created_at,lang,author_id,entities,note_tweet,referenced_tweets',
    );
    expect(source.isReady()).toBe(true);
    expect(source.status()).toMatchObject({ kind: 'search', connection: { state: 'live' } });
  });

  it('asks only for posts newer than the last seen, following next_token pages', async () => {
    const { sink, mock } = await run({}, {}, 5);
    await waitFor(() => sink.lines.length === 5, 'first poll');
    const fresh = mock.publishSearchPosts(250);
    await waitFor(() => sink.lines.length === 255, 'all pages');
    await twoMorePolls(mock);
    expect(sink.lines).toHaveLength(255);
    expect(new Set(postIds(sink.lines))).toEqual(new Set(mock.sentIds));
    expect(mock.sentIds).toHaveLength(255);
    expect(postIds(sink.lines).slice(5).sort()).toEqual(fresh.map((post) => post.data.id).sort());
  });

  it('takes only the newest page on the first poll', async () => {
    const { sink, mock } = await run({}, {}, 250);
    await waitFor(() => sink.lines.length === 100, 'first page');
    await twoMorePolls(mock);
    expect(sink.lines).toHaveLength(100);
  });

  it('sends nothing and keeps polling when nothing matched', async () => {
    const { sink, mock } = await run();
    await waitFor(() => searchRequests(mock).length >= 3, 'three polls');
    expect(sink.lines).toHaveLength(0);
    mock.publishSearchPosts(4);
    await waitFor(() => sink.lines.length === 4, 'late posts');
  });

  it('slows down by itself so that a small budget never meets a 429', async () => {
    const { mock } = await run(
      { searchRateLimit: { limit: 4, windowMs: 600 } },
      { X_POLL_INTERVAL_MS: 10 },
    );
    // Six polls need a second window of the budget: the source must have waited for it.
    await waitFor(() => searchRequests(mock).length >= 6, 'six polls');
    const requests = searchRequests(mock);
    expect(requests.map((request) => request.status)).toEqual(requests.map(() => 200));
  });

  it('waits for the reset after a 429, then goes on', async () => {
    // The mock's reset header is wall-clock time: the manual clock starts there.
    const clock = new ManualServerClock({ startMs: Date.now() });
    const { sink, source, mock } = await run(
      { searchPlans: [{ kind: 'status', status: 429, resetInSec: 1 }] },
      {},
      3,
      clock,
    );
    await waitFor(() => source.status().connection.state === 'backing-off', 'backing off');
    const state = source.status().connection;
    if (state.state !== 'backing-off') throw new Error('not backing off');
    expect(state.reason).toMatch(/^429/);
    expect(source.isReady()).toBe(false);
    expect(state.untilMs - clock.now()).toBeGreaterThan(60);
    await clock.advanceTo(state.untilMs - 1);
    expect(searchRequests(mock)).toHaveLength(1);
    await clock.advanceTo(state.untilMs);
    await waitFor(() => sink.lines.length === 3, 'posts after the reset');
    expect(source.status()).toMatchObject({
      reconnects: 1,
      errors: 1,
      connection: { state: 'live' },
    });
  });

  it('backs off on 503 and on a dropped connection, then recovers', async () => {
    const plans = [{ kind: 'status' as const, status: 503 }, { kind: 'drop' as const }];
    const { sink, source, logger } = await run({ searchPlans: plans }, {}, 7);
    await waitFor(() => sink.lines.length === 7, 'posts after recovery');
    const delays = logger.entries
      .filter((entry) => entry.message?.includes('retrying'))
      .map((entry) => entry.obj.delayMs);
    expect(delays).toEqual([5, 0.25]);
    expect(source.status().errors).toBe(2);
  });

  it('gives up on a request left unanswered after the stall timeout', async () => {
    const { sink, logger, mock } = await run(
      { searchPlans: [{ kind: 'no-response' }] },
      { X_STALL_TIMEOUT_MS: 150 },
      2,
    );
    await waitFor(() => sink.lines.length === 2, 'posts after the timeout');
    expect(searchRequests(mock)).toHaveLength(2);
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'X recent search: network error: Request timeout.; retrying',
    );
  });

  it('stops when X refuses the query itself', async () => {
    const { source, mock } = await run({}, { X_SEARCH_QUERY: '(#日本語 OR #東京' });
    await waitFor(() => source.status().connection.state === 'stopped', 'stopped');
    expect(source.status().connection).toMatchObject({
      reason: expect.stringMatching(/^HTTP 400 .*: check X_SEARCH_QUERY$/),
    });
    expect(searchRequests(mock)).toHaveLength(1);
  });

  it('stops with a clear reason on 401, never showing the token', async () => {
    const clock = new ManualServerClock();
    const { source, logger, mock } = await run({ bearerToken: 'another' }, {}, 0, clock);
    await waitFor(() => source.status().connection.state === 'stopped', 'stopped');
    expect(source.status().connection).toEqual({
      state: 'stopped',
      reason: '401 Unauthorized: check X_BEARER_TOKEN',
    });
    expect(clock.pendingCount).toBe(0); // no retry planned, ever
    expect(searchRequests(mock)).toHaveLength(1);
    expect(JSON.stringify([source.status(), logger.entries])).not.toContain(MOCK_TOKEN);
  });
});
