/**
 * The language and originals filters through the real server: a hand-written fixture replayed at
 * full speed, every filtered route compared with the counts written beside the fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '@/tests/support/fixture-server';
import {
  EXPECTED_BY_FILTER,
  EXPECTED_LANGUAGES,
  EXPECTED_POSTS_BY_FILTER,
  writeLanguageFixture,
} from '@/tests/support/language-fixture';
import { waitFor } from '@/tests/support/wait-for';
import type { TagstreamServer } from './create-server';

let fixture: ReturnType<typeof writeLanguageFixture>;
let server: TagstreamServer;
let base = '';

beforeAll(async () => {
  fixture = writeLanguageFixture();
  ({ server, base } = await startFixtureServer(fixture.path));
  await waitFor(
    () => (server.store.latest()?.batchTime ?? 0) > fixture.lastPostMs,
    'the last post',
    { timeoutMs: 20_000 },
  );
});

afterAll(async () => {
  await server?.close();
  fixture?.remove();
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
};

describe('filtered routes', () => {
  it('answer each filter with its own counts in the exact and the heavy-hitters windows', async () => {
    for (const [query, expected] of Object.entries(EXPECTED_BY_FILTER)) {
      for (const window of ['5m', '15m']) {
        const { status, body } = await get(`/api/trends?window=${window}&limit=100&${query}`);
        expect(status, query).toBe(200);
        const counts = body.tags.map((tag: { key: string; count: number }) => [tag.key, tag.count]);
        expect(counts, `${window} ${query}`).toEqual(expected);
        expect(body.tags.every((tag: { error: number }) => tag.error === 0)).toBe(true);
        expect(body.tweets, `${window} ${query}`).toBe(EXPECTED_POSTS_BY_FILTER[query]);
      }
    }
  });

  it('echoes the filter and keeps the spellings', async () => {
    const { body } = await get('/api/trends?lang=PT&originals=true');
    expect(body).toMatchObject({ window: '5m', lang: 'pt', originals: true });
    expect(body.tags.map((tag: { tag: string }) => tag.tag).sort()).toEqual([
      'Futebol',
      '__proto__',
    ]);
  });

  it('answers the series of a tag, hostile ones included, under a filter', async () => {
    const total = async (path: string) => {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      return body.points.reduce((sum: number, point: { count: number }) => sum + point.count, 0);
    };
    expect(await total('/api/trends/futebol/series?lang=pt')).toBe(16);
    expect(await total('/api/trends/futebol/series?lang=pt&originals=true')).toBe(10);
    expect(await total('/api/trends/__proto__/series?originals=true')).toBe(10);
    expect(await total('/api/trends/toString/series?originals=true')).toBe(0);
    expect(await total('/api/trends/toString/series?lang=ja')).toBe(9);
    expect(await total('/api/trends/constructor/series')).toBe(5);
  });

  it('answers the languages of a window, most posts first', async () => {
    const { status, body } = await get('/api/languages?window=1m');
    expect(status).toBe(200);
    expect(body).toMatchObject({ window: '1m', windowMs: 60_000, languages: EXPECTED_LANGUAGES });
    expect((await get('/api/languages?window=2m')).status).toBe(400);
  });

  it('answers the trending lists under a filter', async () => {
    const { status, body } = await get('/api/trending?lang=pt&originals=false');
    expect(status).toBe(200);
    expect(body).toMatchObject({ lang: 'pt', originals: false });
    expect(Array.isArray(body.trending) && Array.isArray(body.cooling)).toBe(true);
  });

  it('refuses a lang that is not a language code, listing the languages seen', async () => {
    for (const lang of ['__proto__', 'constructor', 'toString', 'p', 'pt_BR', '%3Cscript%3E']) {
      for (const route of ['/api/trends', '/api/trending', '/api/trends/futebol/series']) {
        const { status, body } = await get(`${route}?lang=${lang}`);
        expect(status, `${route} ${lang}`).toBe(400);
        expect(body.valid).toEqual(['pt', 'ja', 'en', 'und']);
      }
    }
  });

  it('refuses originals other than true or false', async () => {
    for (const value of ['yes', '1', 'TRUE', 'true,false']) {
      const { status, body } = await get(`/api/trends?originals=${value}`);
      expect(status, value).toBe(400);
      expect(body.valid).toEqual(['true', 'false']);
    }
  });
});
