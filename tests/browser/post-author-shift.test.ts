/**
 * A post first kept through one of its retweets shows no author's name (a retweet carries only
 * the original's username); when the original itself arrives, the name comes in before the
 * username. That must move nothing: the username, time and language after the name are drawn
 * anew, not kept elements that move, which Chromium would report as a layout shift (one such move
 * at load failed the tag detail's layout-shift test). A replay of a few posts at real speed, in
 * the Next production build: the retweet at once, the original 19 s later (time enough for a
 * loaded machine to open the page first).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagstreamServer } from '@/server/create-server';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { waitFor } from '@/tests/support/wait-for';
import type { RecordedShift } from './layout-shift-recorder';
import { recordLayoutShifts } from './layout-shift-recorder';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) console.warn(`Browser test skipped: no Chromium at ${CHROMIUM_PATH}.`);

const START_MS = Date.parse('2026-11-26T12:00:00.000Z');
const ORIGINAL_ID = '2200000000000000001';
/** Seconds after the start at which the original arrives, its retweet having come at 1 s. */
const ORIGINAL_AT_S = 20;

/** One post a second: the retweet at 1 s, the original at `ORIGINAL_AT_S`, fillers between. */
function fixtureLines(): string[] {
  const post = (second: number, id: string, user: [string, string, string], text: string) => ({
    data: {
      id,
      author_id: user[0],
      created_at: new Date(START_MS + second * 1000).toISOString(),
      lang: 'en',
      text,
    },
    includes: { users: [{ id: user[0], name: user[1], username: user[2] }] },
  });
  const lines: object[] = [];
  for (let second = 0; second <= ORIGINAL_AT_S + 6; second++) {
    if (second === 1) {
      const retweet = post(
        second,
        '2200000000000000002',
        ['31', 'Ann Reposter', 'ann_reposter'],
        'RT @later_named: Words about it #NameTest',
      );
      lines.push({
        ...retweet,
        data: { ...retweet.data, referenced_tweets: [{ type: 'retweeted', id: ORIGINAL_ID }] },
      });
    } else if (second === ORIGINAL_AT_S) {
      lines.push(
        post(second, ORIGINAL_ID, ['32', 'Later Named', 'later_named'], 'Words about it #NameTest'),
      );
    } else {
      lines.push(
        post(second, `23000000000000000${second + 10}`, ['33', 'Filler', 'filler'], '#Other'),
      );
    }
  }
  return lines.map((line) => JSON.stringify(line));
}

describe.skipIf(skipWithoutBrowser)("a post's author name arriving, in Chromium", () => {
  let server: TagstreamServer;
  let base = '';
  let browser: Browser;
  let dir = '';

  beforeAll(async () => {
    await ensureNextBuild(ROOT);
    dir = mkdtempSync(join(tmpdir(), 'tagstream-author-'));
    const path = join(dir, 'author.jsonl');
    writeFileSync(path, `${fixtureLines().join('\n')}\n`);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    // The replay starts with the server: the browser is ready first, so the page opens well
    // before the original arrives.
    ({ server, base } = await startFixtureServer(
      path,
      { LOG_LEVEL: 'silent', FIXTURE_SPEED: '1', FIXTURE_LOOP: 'false' },
      { next: ROOT },
    ));
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves nothing in the post when its author name comes in', async () => {
    await waitFor(
      async () => {
        const answer = await fetch(`${base}/api/trends/nametest/posts?limit=20`);
        const body = (await answer.json()) as { posts?: unknown[] };
        return (body.posts?.length ?? 0) > 0;
      },
      'the retweet kept in the detail',
      { timeoutMs: 30_000, pollMs: 100 },
    );
    const page = await browser.newPage({ viewport: { width: 1350, height: 900 } });
    try {
      await page.addInitScript(recordLayoutShifts);
      await page.goto(`${base}/?tag=nametest`);
      const post = page.locator('[data-testid="detail-post"]', { hasText: '@later_named' });
      await post.waitFor({ timeout: 30_000 });
      // The page shows the retweet's stand-in, without a name, before the original arrives.
      expect(await post.textContent()).not.toContain('Later Named');
      await expect
        .poll(async () => (await post.textContent()) ?? '', { timeout: 30_000 })
        .toContain('Later Named');
      // A frame for the observer to report what the change moved.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
      );
      const shifts = await page.evaluate(
        () => (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts,
      );
      const moved = shifts.flatMap((shift) => shift.moved);
      expect(moved.filter((node) => /later_named|language: en/.test(node))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
