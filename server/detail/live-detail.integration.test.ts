/**
 * What is behind a trend on a live source: the real server on the filtered stream of the mock X
 * API (through twitter-api-v2), posts in two languages with a retweet of every third original.
 * The tag detail's posts, authors and related tags, the language and originals filters and the
 * socket's detail updates are checked against what the mock sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { TagDetailUpdate, TagPostsAnswer, TagRelatedAnswer } from '@/lib/tag-detail-protocol';
import { hashtagKey } from '@/lib/trends/parsing/hashtag-key';
import type { LanguagesAnswer } from '@/lib/view-filters';
import { waitFor } from '@/tests/support/wait-for';
import { makeMockPost } from '../../scripts/mock-x-api/mock-posts';
import type { MockPost } from '../../scripts/mock-x-api/mock-posts';
import { startMockXApi } from '../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../scripts/mock-x-api/mock-x-api';
import { MOCK_TOKEN } from '../../scripts/mock-x-api/test-support';
import { loadConfig } from '../config';
import { createTagstreamServer } from '../create-server';
import type { TagstreamServer } from '../create-server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const POSTS = 160;
const TAG = '東京';

/**
 * Post `index`: the mock's post in Japanese (even) or Portuguese (odd); every fourth post
 * (index 3, 7, …) is instead a retweet of the post before it, with its hashtags and language.
 */
function livePost(index: number): MockPost {
  if (index % 4 === 3) {
    const original = livePost(index - 1);
    const own = makeMockPost(index);
    return {
      user: own.user,
      data: {
        ...original.data,
        id: own.data.id,
        author_id: own.user.id,
        created_at: own.data.created_at,
        text: `RT @${original.user.username}: ${original.data.text}`,
        referenced_tweets: [{ type: 'retweeted', id: original.data.id }],
      },
    };
  }
  const post = makeMockPost(index);
  return { ...post, data: { ...post.data, lang: index % 2 === 0 ? 'ja' : 'pt' } };
}

const isRetweet = (post: MockPost) => post.data.referenced_tweets !== undefined;
const tagKeysOf = (post: MockPost) =>
  (post.data.entities?.hashtags ?? []).map(({ tag }) => hashtagKey(tag));

let mock: MockXApi;
let server: TagstreamServer;
let base = '';
let stateDir = '';
let sent: MockPost[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  mock = await startMockXApi({
    bearerToken: MOCK_TOKEN,
    streamPostCount: POSTS,
    postIntervalMs: 10,
    makePost: livePost,
  });
  stateDir = mkdtempSync(join(tmpdir(), 'live-detail-state-'));
  server = createTagstreamServer({
    config: loadConfig({
      STATE_DIR: stateDir,
      TWEET_SOURCE: 'filtered',
      X_BEARER_TOKEN: MOCK_TOKEN,
      X_API_BASE_URL: mock.url + '/',
      X_STREAM_RULES: `#${TAG}`,
      X_BACKOFF_SCALE: '0.001',
      X_STALL_TIMEOUT_MS: '2000',
      BATCH_INTERVAL_MS: '100',
      CLIENT_UPDATE_INTERVAL_MS: '50',
      WINDOWS: '1m,5m',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    } as NodeJS.ProcessEnv),
    next: false,
  });
  ({ url: base } = await server.listen());
  await waitFor(() => mock.unsentCount() === 0, 'the mock sent every post', { timeoutMs: 20_000 });
  sent = mock.sentPosts();
  await waitFor(
    async () => (await getOk<{ tweets: number }>('/api/trends?window=5m')).tweets === sent.length,
    'every post counted',
    { timeoutMs: 20_000 },
  );
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.close();
  await mock?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

async function getOk<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** What the mock sent, counted per tag key (a tag once per post). */
function expectedCounts(posts: readonly MockPost[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts)
    for (const key of new Set(tagKeysOf(post))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

async function listedCounts(query: string): Promise<Map<string, number>> {
  const answer = await getOk<{ tags: { key: string; count: number }[] }>(`/api/trends?${query}`);
  return new Map(answer.tags.map(({ key, count }) => [key, count]));
}

describe('a live source behind the tag detail', () => {
  it('lists the latest originals with their authors, each retweet folded into its original', async () => {
    const key = hashtagKey(TAG);
    const withTag = sent.filter((post) => tagKeysOf(post).includes(key));
    const originals = withTag.filter((post) => !isRetweet(post));
    const answer = await getOk<TagPostsAnswer>(`/api/trends/${encodeURIComponent(TAG)}/posts`);
    expect(answer.posts).toHaveLength(Math.min(20, originals.length));
    const byId = new Map(originals.map((post) => [post.data.id, post]));
    for (const shown of answer.posts) {
      const original = byId.get(shown.id);
      expect(original, `post ${shown.id} is an original carrying #${TAG}`).toBeDefined();
      expect(shown.text).toBe(original!.data.text);
      expect(shown.lang).toBe(original!.data.lang);
      expect(shown.author).toEqual({
        id: original!.user.id,
        username: original!.user.username,
        name: original!.user.name,
      });
      const retweets = withTag.filter(
        (post) => post.data.referenced_tweets?.[0]?.id === shown.id,
      ).length;
      expect(shown.repostCount).toBe(retweets);
    }
    expect(answer.posts.some((post) => post.repostCount > 0)).toBe(true);
    const newest = originals.at(-1)!;
    expect(answer.posts.map((post) => post.id)).toContain(newest.data.id);
  });

  it('answers the related tags within what was counted since the tag was followed', async () => {
    const key = hashtagKey(TAG);
    const withTag = sent.filter((post) => tagKeysOf(post).includes(key));
    const cooccurring = expectedCounts(withTag);
    cooccurring.delete(key);
    const answer = await getOk<TagRelatedAnswer>(
      `/api/trends/${encodeURIComponent(TAG)}/related?window=5m&limit=100`,
    );
    // The tag is followed from the batch it first matters: posts of earlier batches are not kept.
    const uncounted = withTag.length - answer.posts;
    expect(uncounted).toBeGreaterThanOrEqual(0);
    expect(uncounted).toBeLessThan(withTag.length / 4);
    expect(answer.missed).toBe(0);
    for (const { key: other, count } of answer.related) {
      const all = cooccurring.get(other);
      expect(all, `#${other} shares posts with #${TAG}`).toBeDefined();
      expect(count).toBeLessThanOrEqual(all!);
      expect(count).toBeGreaterThanOrEqual(all! - uncounted);
    }
    expect(answer.related.length).toBeGreaterThan(0);
  });

  it('counts each language and the originals alone exactly as the mock sent them', async () => {
    for (const [query, keep] of [
      ['lang=pt', (post: MockPost) => post.data.lang === 'pt'],
      ['lang=ja', (post: MockPost) => post.data.lang === 'ja'],
      ['originals=true', (post: MockPost) => !isRetweet(post)],
      ['lang=pt&originals=true', (post: MockPost) => post.data.lang === 'pt' && !isRetweet(post)],
    ] as const) {
      expect(await listedCounts(`window=1m&${query}`), query).toEqual(
        expectedCounts(sent.filter(keep)),
      );
    }
    expect(await listedCounts('window=1m')).toEqual(expectedCounts(sent));
    const languages = await getOk<LanguagesAnswer>('/api/languages?window=1m');
    const postsIn = (lang: string) => sent.filter((post) => post.data.lang === lang).length;
    expect(languages.languages).toEqual(
      [
        { lang: 'ja', posts: postsIn('ja') },
        { lang: 'pt', posts: postsIn('pt') },
      ].sort((a, b) => b.posts - a.posts),
    );
  });

  it('sends an open detail over the socket with the same posts as the route', async () => {
    const client: Client = connectClient(base, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    const updates: TagDetailUpdate[] = [];
    client.on('detail', (update) => updates.push(update));
    await new Promise<void>((resolve) => client.once('snapshot', () => resolve()));
    client.emit('detail', { key: `#${TAG}`, window: '1m' });
    await waitFor(() => updates.length > 0, 'a detail update');
    const route = await getOk<TagPostsAnswer>(`/api/trends/${encodeURIComponent(TAG)}/posts`);
    expect(updates[0]!.unavailable).toBeUndefined();
    expect(updates[0]!.posts.map((post) => post.id)).toEqual(route.posts.map((post) => post.id));
    expect(updates[0]!.related.window).toBe('1m');
  });
});
