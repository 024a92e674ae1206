import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { InMemoryTrendStore } from '@/server/ingestion/trend-store';
import { TagHistory } from '@/lib/trends/history/tag-history';
import type { Readiness } from './health-routes';
import { createRouter } from './router';

const WINDOWS = [
  { label: '1m', windowMs: 60_000 },
  { label: '5m', windowMs: 300_000 },
];

function result(batchTime: number, counts: Record<string, number>): TrendsBatchResult {
  const top = Object.entries(counts).map(([key, count]) => ({
    key,
    tag: key === 'worldcup' ? 'WorldCup' : key,
    count,
    error: 0,
  }));
  const window = (label: string, windowMs: number, scale: number) => ({
    label,
    windowMs,
    tweets: 100 * scale,
    approximate: false,
    top: top.map((tag) => ({ ...tag, count: tag.count * scale })),
  });
  return {
    batchTime,
    batchTweets: 10,
    duplicates: 0,
    batchCounts: top,
    windows: [window('1m', 60_000, 1), window('5m', 300_000, 5)],
    trending: top.map((tag) => ({
      key: tag.key,
      tag: tag.tag,
      score: tag.count,
      count: tag.count,
      fastRatePerMin: 4,
      usualRatePerMin: 1,
      rateMultiple: 4,
      authors: 30,
      originals: 20,
      direction: 'rising' as const,
      trendingSinceMs: batchTime,
      rankChange: null,
    })),
    cooling: [],
    trendWarmUpEndsMs: null,
  };
}

const store = new InMemoryTrendStore();
let readiness: Readiness = {
  ready: false,
  reason: 'source connecting',
  source: {
    kind: 'fixture',
    label: 'replay max',
    connection: { state: 'connecting' },
    reconnects: 0,
    errors: 0,
    tweetsPerSec: 0,
  },
};
const registry = new Registry();
const history = new TagHistory();
const router = createRouter({
  store,
  history: () => history,
  filteredViews: () => undefined,
  // As on an instance that does not ingest, whose holder has not shared what is asked (in time).
  detail: () => undefined,
  waitForSharedViews: async () => false,
  windows: WINDOWS,
  defaultWindow: WINDOWS[1]!,
  batchIntervalMs: 2000,
  registry,
  readiness: () => readiness,
});
const server = createServer((req, res) => {
  if (router.owns(req.url ?? '/')) return void router.handle(req, res);
  res.writeHead(418).end();
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, init?: RequestInit) {
  const response = await fetch(base + path, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text && JSON.parse(text),
  };
}

describe('HTTP routes before the first batch', () => {
  it('answers /api/trends with no tags and a null batch time', async () => {
    const { status, body } = await get('/api/trends');
    expect(status).toBe(200);
    expect(body).toEqual({
      window: '5m',
      windowMs: 300_000,
      batchTime: null,
      lang: null,
      originals: false,
      tweets: 0,
      approximate: false,
      tags: [],
    });
  });

  it('reports not ready with the reason and the source status', async () => {
    const { status, body } = await get('/readyz');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not ready', reason: 'source connecting' });
    expect(body.source.kind).toBe('fixture');
  });
});

describe('HTTP routes', () => {
  beforeAll(() => {
    store.record(result(2000, { worldcup: 3, café: 1 }));
    store.record(result(4000, { worldcup: 2 }));
    readiness = { ...readiness, ready: true, reason: undefined };
  });

  it('answers the latest batch of the default window, uncached', async () => {
    const { status, headers, body } = await get('/api/trends');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toMatchObject({ window: '5m', batchTime: 4000, tweets: 500 });
    expect(body.tags).toEqual([{ tag: 'WorldCup', key: 'worldcup', count: 10, error: 0 }]);
  });

  it('answers another window and cuts to the limit', async () => {
    store.record(result(6000, { a: 5, b: 4, c: 3 }));
    const { body } = await get('/api/trends?window=1m&limit=2');
    expect(body.window).toBe('1m');
    expect(body.tags.map((tag: { key: string }) => tag.key)).toEqual(['a', 'b']);
  });

  it.each(['0', '101', 'abc', '1.5', '-3', '1e2'])(
    'refuses limit=%s with the valid range',
    async (limit) => {
      const { status, body } = await get(`/api/trends?limit=${limit}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'limit must be an integer from 1 to 100', valid: ['1-100'] });
    },
  );

  it('refuses an unknown window listing the valid ones', async () => {
    const { status, body } = await get('/api/trends?window=7m');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'unknown window', valid: ['1m', '5m'] });
  });

  it('answers a tag series with zeros, whatever the spelling of the tag', async () => {
    for (const tag of ['worldcup', '%23WorldCup', encodeURIComponent('＃ＷＯＲＬＤＣＵＰ')]) {
      const { status, body } = await get(`/api/trends/${tag}/series`);
      expect(status).toBe(200);
      expect(body).toEqual({
        tag: 'WorldCup',
        key: 'worldcup',
        lang: null,
        originals: false,
        batchIntervalMs: 2000,
        points: [
          { batchTime: 2000, count: 3 },
          { batchTime: 4000, count: 2 },
          { batchTime: 6000, count: 0 },
        ],
      });
    }
  });

  it('refuses a tag that is badly encoded or too long', async () => {
    expect((await get('/api/trends/%E0%A4%A/series')).status).toBe(400);
    expect((await get(`/api/trends/${'x'.repeat(200)}/series`)).status).toBe(400);
    expect((await get('/api/trends/%23/series')).status).toBe(400);
  });

  it('answers the trending list up to the limit', async () => {
    const { body } = await get('/api/trending?limit=1');
    expect(body.batchTime).toBe(6000);
    expect(body.trending).toHaveLength(1);
    expect((await get('/api/trending?limit=500')).status).toBe(400);
  });

  it('answers 404 for unknown API paths and 405 for other methods', async () => {
    expect(await get('/api/nothing')).toMatchObject({ status: 404, body: { error: 'not found' } });
    expect((await get('/api')).status).toBe(404);
    const post = await get('/api/trends', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/healthz', { method: 'DELETE' })).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const head = await get('/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('refuses a huge query string with 400', async () => {
    const { status, body } = await get(`/api/trends?window=${'x'.repeat(5000)}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/too long/);
  });

  it('answers health, readiness and metrics', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('leaves every other path to the next handler', async () => {
    expect((await fetch(`${base}/`)).status).toBe(418);
    expect((await fetch(`${base}/healthz/`)).status).toBe(418);
    expect((await fetch(`${base}/apifoo`)).status).toBe(418);
  });
});

describe('tag detail routes on an instance that does not ingest', () => {
  it('answers the summary from the shared results', async () => {
    const { status, body } = await get('/api/trends/%23WorldCup');
    expect(status).toBe(200);
    expect(body).toMatchObject({ key: 'worldcup', tag: 'WorldCup', batchTime: 6000 });
    // Not in the latest top lists, and no detail kept here to count it from.
    expect(body.windows[0]).toEqual({
      label: '1m',
      windowMs: 60_000,
      count: 0,
      error: 0,
      rank: null,
    });
    expect(body.trend).toBeNull();
  });

  it('answers posts and related tags not shared yet as pending (202), after checking the parameters', async () => {
    const posts = await get('/api/trends/worldcup/posts');
    expect(posts.status).toBe(202);
    expect(posts.body).toMatchObject({ key: 'worldcup', pending: true, posts: [] });
    const related = await get('/api/trends/worldcup/related?window=1m');
    expect(related.status).toBe(202);
    expect(related.body).toMatchObject({ window: '1m', pending: true, related: [], posts: 0 });
    expect((await get('/api/trends/worldcup/posts?limit=21')).status).toBe(400);
    expect((await get('/api/trends/worldcup/related?window=2m')).status).toBe(400);
  });

  it('answers filtered numbers not shared yet as pending (202, empty lists)', async () => {
    const trends = await get('/api/trends?lang=pt&originals=true');
    expect(trends.status).toBe(202);
    expect(trends.body).toMatchObject({ lang: 'pt', originals: true, pending: true, tags: [] });
    const trending = await get('/api/trending?lang=pt');
    expect(trending.status).toBe(202);
    expect(trending.body).toMatchObject({ pending: true, trending: [], cooling: [] });
    expect((await get('/api/trends')).body.pending).toBeUndefined();
  });
});

describe('GET /api/trends/:tag/history', () => {
  const MINUTE = 60_000;
  const T0 = 1_000 * MINUTE;

  beforeAll(() => {
    // Minute T0: worldcup is in a top list (3 posts). T0+1: no post. T0+2 to T0+4: down.
    history.addBatch(
      [
        ['worldcup', 3],
        ['café', 1],
      ],
      T0 + 2000,
    );
    history.noteTop(['worldcup']);
    history.addBatch([], T0 + MINUTE + 2000);
    history.noteGap(T0 + 2 * MINUTE, T0 + 5 * MINUTE);
    history.addBatch([['worldcup', 2]], T0 + 5 * MINUTE + 2000);
  });

  it('answers per-minute counts, zeros included, before-start and down minutes marked', async () => {
    const { status, body } = await get('/api/trends/%23WorldCup/history?range=1h');
    expect(status).toBe(200);
    expect(body).toMatchObject({ key: 'worldcup', range: '1h', minuteMs: MINUTE });
    expect(body.points).toHaveLength(60);
    expect(body.points.at(-1).time).toBe(T0 + 5 * MINUTE);
    expect(body.points.slice(-6)).toEqual([
      { time: T0, count: 3, state: 'counted' },
      { time: T0 + MINUTE, count: 0, state: 'counted' },
      { time: T0 + 2 * MINUTE, count: null, state: 'down' },
      { time: T0 + 3 * MINUTE, count: null, state: 'down' },
      { time: T0 + 4 * MINUTE, count: null, state: 'down' },
      { time: T0 + 5 * MINUTE, count: 2, state: 'counted' },
    ]);
    expect(body.points[0]).toEqual({ time: T0 - 54 * MINUTE, count: null, state: 'before-start' });
  });

  it('marks the minutes of a tag that never mattered as untracked', async () => {
    const { body } = await get('/api/trends/café/history?range=6h');
    expect(body.points).toHaveLength(360);
    expect(body.points.at(-6)).toEqual({ time: T0, count: null, state: 'untracked' });
  });

  it.each(['2h', '', 'all', 'toString', '__proto__', 'constructor'])(
    'refuses range=%s with the valid ranges',
    async (range) => {
      const { status, body } = await get(`/api/trends/worldcup/history?range=${range}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'unknown range', valid: ['1h', '6h', '24h'] });
    },
  );

  it('refuses a bad tag', async () => {
    expect((await get('/api/trends/%E0%A4%A/history')).status).toBe(400);
    expect((await get(`/api/trends/${'a'.repeat(200)}/history`)).status).toBe(400);
  });
});
