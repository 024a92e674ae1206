/**
 * Neither the load nor a live update moves anything on the page: from the first paint until the
 * page is live, then over several batches at desktop width, the layout shifts Chromium reports
 * (its `layout-shift` performance entries, what Lighthouse's cumulative layout shift adds up)
 * total at most 0.0001 at load and 0.001 over the batches, on the dashboard and with a tag's
 * detail open. The real server replays the small fixture at 4× (a batch every 500 ms) in the
 * Next production build; the lists re-rank, the counts change width and #WorldCup rises in
 * "Trending now".
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/tests/support/wait-for';
import type { RecordedShift } from './layout-shift-recorder';
import { recordLayoutShifts } from './layout-shift-recorder';
import type { LoopedReplay } from './looped-replay';
import { CHROMIUM_PATH, startLoopedReplay, untilWorldCupPosts } from './looped-replay';
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
/**
 * The most the load may shift, from the first paint until the page is live: nothing but
 * rounding (the header's controls moved by the connection's word and the hydrated clock shifted
 * 0.0007 before).
 */
const MOST_LOAD_SHIFT = 0.0001;

/** How fast the page's HTML arrives: in parts, over a few hundred milliseconds. */
const HTML_BYTES_PER_SECOND = 100_000;

/**
 * Opens `url` with its HTML arriving slowly, as on a phone's network: a browser paints a page
 * from the part of its HTML it has read, and boxes drawn from a part must not move when the
 * rest arrives. The scripts then load at full speed.
 */
async function loadHtmlSlowly(page: Page, url: string): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  const throughput = async (bytesPerSecond: number) =>
    devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: -1,
    });
  await devtools.send('Network.enable');
  await throughput(HTML_BYTES_PER_SECOND);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await throughput(-1);
  await devtools.detach();
}

describe.skipIf(skipWithoutBrowser)('layout shifts of live updates, in Chromium', () => {
  let replay: LoopedReplay | undefined;

  beforeAll(async () => {
    replay = await startLoopedReplay();
  }, 400_000);

  afterAll(async () => {
    await replay?.close();
  });

  /** The page at `path`, 1350 × 900, once its lists are filled and it is live. */
  async function openLive(path: string): Promise<Page> {
    const { base, browser } = replay!;
    // #WorldCup's detail shows posts once the replay has reached its burst.
    await untilWorldCupPosts(base, 5);
    const page = await browser.newPage({ viewport: { width: 1350, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.addInitScript(recordLayoutShifts);
    await loadHtmlSlowly(page, `${base}${path}`);
    await page.locator('[data-testid="top-tags"] button').nth(9).waitFor();
    await page.locator('[data-testid="trending"] li button').first().waitFor();
    await waitFor(
      async () => (await page.getAttribute('[data-testid="connection"]', 'data-state')) === 'live',
      'the live connection',
    );
    return page;
  }

  /** The layout shifts recorded so far, in all, and what moved. */
  async function recordedShifts(page: Page) {
    const shifts = await page.evaluate(
      () => (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts,
    );
    return {
      total: shifts.reduce((sum, shift) => sum + shift.value, 0),
      moved: [...new Set(shifts.flatMap((shift) => shift.moved))],
    };
  }

  /**
   * Layout shifts over the next `BATCHES` batches shown, how many of the top list's texts
   * (labels and values, place by place) changed meanwhile, and how many of its text nodes were
   * replaced rather than changed in place.
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
    await page.evaluate(KEEP_TOP_TEXT_NODES);
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
    return {
      ...(await recordedShifts(page)),
      changedTexts: after.filter((text, place) => text !== before[place]).length,
      replacedTextNodes: await page.evaluate(COUNT_REPLACED_TOP_TEXT_NODES),
    };
  }

  /** The tag detail's page, opened by its test of layout shifts and kept for the next test. */
  let detailPage: Page | undefined;

  for (const path of ['/', DETAIL_PATH]) {
    it(`shifts nothing on ${path} at load and while batches change the lists`, async () => {
      const page = await openLive(path);
      try {
        if (path === DETAIL_PATH) {
          await page.locator('[data-testid="detail-post"]').nth(5).waitFor();
        }
        const load = await recordedShifts(page);
        expect(load.total, `shifted at load: ${load.moved.join('; ')}`).toBeLessThanOrEqual(
          MOST_LOAD_SHIFT,
        );
        const { total, moved, changedTexts, replacedTextNodes } = await shiftsOverBatches(page);
        // The batches changed what the lists show: the test watched updates, not a still page.
        expect(changedTexts).toBeGreaterThan(3);
        // Changed in place: a new node for each new text costs the browser a removal and an
        // insertion per row and batch where a text change costs one invalidation.
        expect(replacedTextNodes).toBe(0);
        expect(total, `shifted: ${moved.join('; ')}`).toBeLessThanOrEqual(MOST_SHIFT);
      } finally {
        if (path === DETAIL_PATH) detailPage = page;
        else await page.close();
      }
    }, 120_000);
  }

  it("keeps the keyboard focus on a post's link on X when a batch changes its reposts", async () => {
    const page = detailPage ?? (await openLive(DETAIL_PATH));
    try {
      await page.locator('[data-testid="detail-post"]').nth(5).waitFor();
      const outcome = await page.evaluate(focusThroughRepostChange, REPOST_CHANGE_TIMEOUT_MS);
      expect(outcome).toBe('kept');
    } finally {
      await page.close();
      detailPage = undefined;
    }
  }, 120_000);
});

const DETAIL_PATH = '/?tag=worldcup';

/** Runs in the page: keeps the top list's text nodes (labels, values, their words) aside. */
const KEEP_TOP_TEXT_NODES = `{
  const walker = document.createTreeWalker(
    document.querySelector('[data-testid="top-tags"]'), NodeFilter.SHOW_TEXT);
  window.keptTopTexts = [];
  while (walker.nextNode()) window.keptTopTexts.push(walker.currentNode);
}`;
/** Runs in the page: how many of the kept text nodes are no longer in the page. */
const COUNT_REPLACED_TOP_TEXT_NODES = `window.keptTopTexts.filter((node) => !node.isConnected).length`;
/** #WorldCup's shown posts get a repost every second or two of the replay. */
const REPOST_CHANGE_TIMEOUT_MS = 60_000;

/**
 * Runs in the page: focuses the "Open post on X" link of the newest post shown and waits for a
 * batch that changes that post's repost count. Which posts are shown changes at most every 5 s,
 * and reposts come in runs on the same posts: when another post's count changes first, or this
 * one leaves the list, the focus goes to the post last reposted (the newest one when there is
 * none). Says whether the focus was still on that post's link after the change.
 */
function focusThroughRepostChange(timeoutMs: number): Promise<string> {
  const postLink = (post: Element) =>
    [...post.querySelectorAll('a')].find((link) => link.textContent === 'Open post on X');
  const repostsOf = (post: Element) =>
    post.querySelector('[data-testid="post-reposts"]')?.textContent ?? '';
  const placeOf = (post: Element) =>
    Number((post as HTMLElement).style.getPropertyValue('--place'));
  let watched: { post: Element; reposts: string } | null = null;
  /** Each shown post's repost count when last seen. */
  const counts = new Map<Element, string>();
  const watchPost = (post: Element | undefined) => {
    const link = post && postLink(post);
    if (!post || !link) return;
    link.focus({ preventScroll: true });
    watched = { post, reposts: repostsOf(post) };
  };
  const newestPost = () =>
    [...document.querySelectorAll('[data-testid="detail-post"]')].sort(
      (a, b) => placeOf(a) - placeOf(b),
    )[0];
  /** The shown post whose count changed since the last look, if any; the counts noted anew. */
  const lastReposted = () => {
    let reposted: Element | undefined;
    for (const post of document.querySelectorAll('[data-testid="detail-post"]')) {
      const reposts = repostsOf(post);
      if (counts.has(post) && counts.get(post) !== reposts) reposted = post;
      counts.set(post, reposts);
    }
    return reposted;
  };
  return new Promise((resolve) => {
    const finish = (outcome: string) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(outcome);
    };
    const observer = new MutationObserver(() => {
      const reposted = lastReposted();
      if (watched === null || !watched.post.isConnected) return watchPost(reposted ?? newestPost());
      if (repostsOf(watched.post) === watched.reposts) {
        if (reposted) watchPost(reposted);
        return;
      }
      const focused = document.activeElement;
      if (focused !== null && focused === postLink(watched.post)) return finish('kept');
      const name = `${focused?.tagName ?? 'nothing'} "${focused?.textContent?.slice(0, 40)}"`;
      finish(`lost: the focus is on ${name}`);
    });
    const list = document.querySelector('[data-testid="detail-posts"]')!;
    observer.observe(list, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => finish('no repost change seen'), timeoutMs);
    lastReposted();
    watchPost(newestPost());
  });
}
