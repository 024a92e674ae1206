/**
 * A first view opened at an address with a filter (`/?lang=pt`, `originals=true`) is rendered
 * on the server under that filter: the top list of the HTML (before any script runs) holds the
 * tags `/api/trends` answers under the filter, and none that only the unfiltered list has.
 * Runs the Next production build (built here when stale); no browser needed.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagstreamServer } from '@/server/create-server';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { writeLanguageFixture } from '@/tests/support/language-fixture';
import { waitFor } from '@/tests/support/wait-for';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface TrendsAnswer {
  tags: { tag: string; key: string }[];
}

describe('the first view under the address’s filter', { timeout: 300_000 }, () => {
  let fixture: ReturnType<typeof writeLanguageFixture>;
  let server: TagstreamServer;
  let base = '';

  beforeAll(async () => {
    await ensureNextBuild(ROOT);
    fixture = writeLanguageFixture();
    ({ server, base } = await startFixtureServer(
      fixture.path,
      { LOG_LEVEL: 'silent' },
      { next: ROOT },
    ));
    await waitFor(
      () => (server.store.latest()?.batchTime ?? 0) > fixture.lastPostMs,
      'the last post',
      { timeoutMs: 30_000 },
    );
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    fixture?.remove();
  });

  /** The tags named by the top list's bars in the page's HTML, as rendered by the server. */
  async function renderedTopTags(query: string): Promise<string> {
    const html = await (await fetch(`${base}/?${query}`)).text();
    const start = html.indexOf('data-testid="top-tags"');
    const end = html.indexOf('id="trending-title"', start);
    expect(start, 'the top list is rendered').toBeGreaterThan(-1);
    return html.slice(start, end === -1 ? undefined : end);
  }

  /** A bar's label is `#tag` as one text node. */
  const hasBar = (html: string, tag: string) => html.includes(`>#${tag}<`);

  const trends = async (query: string) =>
    (await (await fetch(`${base}/api/trends?window=5m&${query}`)).json()) as TrendsAnswer;

  for (const query of ['lang=pt', 'originals=true', 'lang=pt&originals=true']) {
    it(`lists the tags of /api/trends?${query}, not the unfiltered ones`, async () => {
      const filtered = (await trends(query)).tags.map((tag) => tag.tag);
      const unfiltered = (await trends('')).tags.map((tag) => tag.tag);
      const onlyUnfiltered = unfiltered.filter((tag) => !filtered.includes(tag));
      expect(filtered.length).toBeGreaterThan(0);
      expect(onlyUnfiltered.length).toBeGreaterThan(0);
      const html = await renderedTopTags(`window=5m&${query}`);
      expect(filtered.filter((tag) => !hasBar(html, tag))).toEqual([]);
      expect(onlyUnfiltered.filter((tag) => hasBar(html, tag))).toEqual([]);
    });
  }

  it('lists every tag without a filter', async () => {
    const html = await renderedTopTags('window=5m');
    const tags = (await trends('')).tags.map(({ tag }) => tag);
    expect(tags.filter((tag) => !hasBar(html, tag))).toEqual([]);
  });
});
