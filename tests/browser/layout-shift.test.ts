/**
 * A live update moves nothing on the page: over several batches at desktop width, the layout
 * shifts Chromium reports (its `layout-shift` performance entries, what Lighthouse's cumulative
 * layout shift adds up) total at most 0.001, on the dashboard and with a tag's detail open. The
 * real server replays the small fixture at 4× (a batch every 500 ms) in the Next production
 * build; the lists re-rank, the counts change width and #WorldCup rises in "Trending now".
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagstreamServer } from '@/server/create-server';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { waitFor } from '@/tests/support/wait-for';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) console.warn(`Browser test skipped: no Chromium at ${CHROMIUM_PATH}.`);

/** Batches watched per page: enough for re-rankings and counts changing width. */
const BATCHES = 20;
/**
 * The most the watched batches may shift in all: room for sub-pixel rounding, nothing more (the
 * lists whose boxes moved with their texts shifted 0.004–0.009 over 30 batches, a shift in most
 * batches).
 */
const MOST_SHIFT = 0.001;

interface RecordedShift {
  value: number;
  /** The elements or texts that moved, as `tag.class "text"`. */
  moved: string[];
}

/** Runs in the page before its scripts: keeps every layout shift with what moved. */
function recordLayoutShifts() {
  const shifts: RecordedShift[] = [];
  (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts = shifts;
  const nameOf = (node: Node | null) => {
    const element = node instanceof Element ? node : node?.parentElement;
    if (!element) return 'a removed node';
    const text = (node?.textContent ?? '').trim().slice(0, 30);
    return `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 50)} "${text}"`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null }[];
    }[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({ value: entry.value, moved: entry.sources.map(({ node }) => nameOf(node)) });
    }
  }).observe({ type: 'layout-shift' });
}

describe.skipIf(skipWithoutBrowser)('layout shifts of live updates, in Chromium', () => {
  let server: TagstreamServer;
  let base = '';
  let browser: Browser;

  beforeAll(async () => {
    await ensureNextBuild(ROOT);
    ({ server, base } = await startFixtureServer(
      'fixtures/small.jsonl',
      { LOG_LEVEL: 'silent', FIXTURE_SPEED: '4', FIXTURE_LOOP: 'true' },
      { next: ROOT },
    ));
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page at `path`, 1350 × 900, once its lists are filled and it is live. */
  async function openLive(path: string): Promise<Page> {
    // #WorldCup's detail shows posts once the replay has reached its burst.
    await waitFor(
      async () => {
        const answer = await fetch(`${base}/api/trends/worldcup/posts?limit=20`);
        const body = (await answer.json()) as { posts?: unknown[] };
        return (body.posts?.length ?? 0) > 5;
      },
      "#WorldCup's posts",
      { timeoutMs: 60_000, pollMs: 250 },
    );
    const page = await browser.newPage({ viewport: { width: 1350, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.addInitScript(recordLayoutShifts);
    await page.goto(`${base}${path}`);
    await page.locator('[data-testid="top-tags"] button').nth(9).waitFor();
    await page.locator('[data-testid="trending"] li button').first().waitFor();
    await waitFor(
      async () => (await page.getAttribute('[data-testid="connection"]', 'data-state')) === 'live',
      'the live connection',
    );
    return page;
  }

  /**
   * Layout shifts over the next `BATCHES` batches shown, and how many of the top list's texts
   * (labels and values, place by place) changed meanwhile.
   */
  async function shiftsOverBatches(page: Page) {
    const topTexts = () =>
      page
        .locator('[data-testid="top-tags"] button')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText));
    const before = await topTexts();
    await page.evaluate(() => {
      (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts.length = 0;
    });
    const batchTimes = new Set<string | null>();
    await waitFor(
      async () => {
        batchTimes.add(await page.getAttribute('[data-testid="batch-time"]', 'datetime'));
        return batchTimes.size > BATCHES;
      },
      `${BATCHES} batches`,
      { timeoutMs: 60_000, pollMs: 50 },
    );
    const after = await topTexts();
    const shifts = await page.evaluate(
      () => (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts,
    );
    return {
      total: shifts.reduce((sum, shift) => sum + shift.value, 0),
      moved: [...new Set(shifts.flatMap((shift) => shift.moved))],
      changedTexts: after.filter((text, place) => text !== before[place]).length,
    };
  }

  for (const path of ['/', '/?tag=worldcup']) {
    it(`shifts nothing on ${path} while batches change the lists`, async () => {
      const page = await openLive(path);
      try {
        if (path.includes('tag=')) {
          await page.locator('[data-testid="detail-post"]').nth(5).waitFor();
        }
        const { total, moved, changedTexts } = await shiftsOverBatches(page);
        // The batches changed what the lists show: the test watched updates, not a still page.
        expect(changedTexts).toBeGreaterThan(3);
        expect(total, `shifted: ${moved.join('; ')}`).toBeLessThanOrEqual(MOST_SHIFT);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
