/**
 * A tag's detail through the real server: a fixture written for the test, replayed at max speed,
 * read back through the HTTP routes and a socket.io client.
 */
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { TagDetailUpdate, TagPostsAnswer, TagRelatedAnswer } from '@/lib/tag-detail-protocol';
import {
  MARKUP_TEXT,
  WORLDCUP_ORIGINALS,
  writeDetailFixture,
} from '@/tests/support/detail-fixture';
import type { DetailFixture } from '@/tests/support/detail-fixture';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { waitFor } from '@/tests/support/wait-for';
import type { TagstreamServer } from '../create-server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let fixture: DetailFixture;
let server: TagstreamServer;
let base = '';
const clients: Client[] = [];

beforeAll(async () => {
  fixture = writeDetailFixture();
  ({ server, base } = await startFixtureServer(fixture.path, {
    CLIENT_UPDATE_INTERVAL_MS: '50',
    // The bad-requests test sends more than the default 5 a second.
    WATCH_MESSAGES_PER_SEC: '100',
  }));
  await waitFor(
    () => (server.store.latest()?.batchTime ?? 0) > fixture.lastPostMs,
    'the last post',
    { timeoutMs: 20_000 },
  );
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.close();
  fixture?.remove();
});

async function get(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
}

async function getOk<T>(path: string): Promise<T> {
  const { status, body } = await get(path);
  expect(status, path).toBe(200);
  return body as T;
}

describe('tag detail routes', () => {
  it('answer the summary: count, rank and error in every window', async () => {
    const summary = await getOk<Record<string, unknown>>('/api/trends/%23WorldCup');
    expect(summary).toMatchObject({ key: 'worldcup', tag: 'WorldCup' });
    // 10 originals, 3 retweets and the markup post: every post counts.
    expect(summary.windows).toContainEqual({
      label: '1m',
      windowMs: 60_000,
      count: WORLDCUP_ORIGINALS + 4,
      error: 0,
      rank: 1,
    });
  });

  it('answer the latest posts newest first, a retweet grouped under its original', async () => {
    const answer = await getOk<TagPostsAnswer>('/api/trends/worldcup/posts?limit=20');
    const ids = answer.posts.map((post) => post.id);
    expect(ids[0]).toBe('markup');
    expect(ids[1]).toBe('wc-0');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(WORLDCUP_ORIGINALS + 1);
    expect(answer.posts[0]!.text).toBe(MARKUP_TEXT);
    expect(answer.posts[1]).toMatchObject({
      repostCount: 3,
      lang: 'en',
      author: { id: 'a0', username: 'user_a0', name: 'User a0' },
    });
    const limited = await getOk<TagPostsAnswer>('/api/trends/worldcup/posts?limit=2');
    expect(limited.posts.map((post) => post.id)).toEqual(ids.slice(0, 2));
  });

  it('answer the related tags of a window, most shared posts first', async () => {
    const answer = await getOk<TagRelatedAnswer>('/api/trends/worldcup/related?window=5m');
    expect(answer).toMatchObject({ key: 'worldcup', window: '5m', posts: WORLDCUP_ORIGINALS + 4 });
    expect(answer.related).toEqual([
      { key: 'final', tag: 'Final', count: WORLDCUP_ORIGINALS + 3 },
      { key: 'goal', tag: 'Goal', count: 4 + 3 },
    ]);
    const one = await getOk<TagRelatedAnswer>('/api/trends/worldcup/related?window=1m&limit=1');
    expect(one.related).toHaveLength(1);
  });

  it('answer hashtags named like object properties as themselves', async () => {
    const posts = await getOk<TagPostsAnswer>('/api/trends/__proto__/posts');
    expect(posts).toMatchObject({ key: '__proto__', tag: '__proto__' });
    expect(posts.posts).toHaveLength(6);
    const related = await getOk<TagRelatedAnswer>('/api/trends/__proto__/related');
    expect(related.related).toEqual([{ key: 'constructor', tag: 'constructor', count: 6 }]);
    const summary = await getOk<{ windows: { count: number }[] }>('/api/trends/constructor');
    expect(summary.windows[0]!.count).toBe(6);
    const unknown = await getOk<TagPostsAnswer>('/api/trends/tostring/posts');
    expect(unknown.posts).toEqual([]);
  });

  it('refuse bad tags, limits and windows with 400', async () => {
    for (const path of [
      '/api/trends/worldcup/posts?limit=0',
      '/api/trends/worldcup/posts?limit=21',
      '/api/trends/worldcup/related?limit=101',
      '/api/trends/worldcup/related?window=7m',
      '/api/trends/worldcup/related?window=toString',
      '/api/trends/%E0%A4%A/posts',
      `/api/trends/${'a'.repeat(200)}`,
      '/api/trends/%23/related',
    ]) {
      expect((await get(path)).status, path).toBe(400);
    }
  });
});

describe('tag detail over the socket', () => {
  async function connect(): Promise<{ client: Client; updates: TagDetailUpdate[] }> {
    const client: Client = connectClient(base, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    const updates: TagDetailUpdate[] = [];
    client.on('detail', (update) => updates.push(update));
    await new Promise<void>((resolve) => client.once('snapshot', () => resolve()));
    return { client, updates };
  }

  it('sends the detail right after a request, and makes the tag watched', async () => {
    const { client, updates } = await connect();
    client.emit('detail', { key: '#WorldCup', window: '1m' });
    await waitFor(() => updates.length > 0, 'a detail update');
    const update = updates[0]!;
    expect(update.unavailable).toBeUndefined();
    expect(update.summary).toMatchObject({ key: 'worldcup', tag: 'WorldCup' });
    expect(update.posts[0]!.text).toBe(MARKUP_TEXT);
    expect(update.related).toMatchObject({
      window: '1m',
      related: [{ key: 'final' }, { key: 'goal' }],
    });
    await waitFor(() => server.stats().batches > 0, 'a batch');
    client.emit('detail', null);
  });

  it('ignores bad requests and answers a good one after them', async () => {
    const { client, updates } = await connect();
    const bad: unknown[] = [5, 'worldcup', [], { key: 7 }, { key: '' }, { key: 'x'.repeat(500) }];
    for (const payload of bad) client.emit('detail', payload as never);
    client.emit('detail', { key: '__proto__', window: 'no-such-window' });
    await waitFor(() => updates.length > 0, 'a detail update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.summary.key).toBe('__proto__');
    // An unknown window means the default one (5m).
    expect(updates[0]!.related).toMatchObject({
      window: '5m',
      related: [{ key: 'constructor', count: 6 }],
    });
    expect(client.connected).toBe(true);
  });
});
