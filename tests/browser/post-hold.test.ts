/**
 * A tag's detail changes which posts it shows at most once every `POSTS_HOLD_MS`, to the newest
 * ones: during #WorldCup's burst in the bundled small fixture (replayed at 4×, a batch every
 * 500 ms, several new posts in most batches), the set of posts shown is watched for 16 s in
 * Chromium against the real server and production build.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTS_HOLD_MS } from '@/components/tag-detail/post-list';
import type { LoopedReplay } from './looped-replay';
import { CHROMIUM_PATH, startLoopedReplay, untilWorldCupPosts } from './looped-replay';

const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) console.warn(`Browser test skipped: no Chromium at ${CHROMIUM_PATH}.`);

const WATCH_MS = 16_000;

describe.skipIf(skipWithoutBrowser)("a tag detail's posts, held while they are read", () => {
  let replay: LoopedReplay | undefined;

  beforeAll(async () => {
    replay = await startLoopedReplay();
  }, 400_000);

  afterAll(async () => {
    await replay?.close();
  });

  it('changes the posts shown at most once a hold, while new posts come in every batch', async () => {
    const { base, browser } = replay!;
    // The burst: the server keeps twenty posts and replaces them faster than the hold.
    await untilWorldCupPosts(base, 19, 90_000);
    const page = await browser.newPage({ viewport: { width: 1350, height: 900 } });
    try {
      await page.goto(`${base}/?tag=worldcup`);
      await page.locator('[data-testid="detail-post"]').nth(5).waitFor();
      const { changes, newPostsSeen } = await page.evaluate(watchShownPosts, WATCH_MS);
      // The server had new posts for the detail all along: the hold, not the stream, paced it.
      expect(newPostsSeen).toBeGreaterThan(10);
      expect(changes.length).toBeGreaterThanOrEqual(2);
      const gaps = changes.slice(1).map((atMs, place) => atMs - changes[place]!);
      // A timer ends each hold: a change comes no sooner (a frame's rounding aside).
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(POSTS_HOLD_MS - 20);
    } finally {
      await page.close();
    }
  }, 200_000);
});

/**
 * Runs in the page: for `watchMs`, when the set of posts shown changed (performance.now() of
 * each change), and how many posts the socket's detail updates brought that were not shown
 * when they came (read from the posts' links on X, then from the server's posts route).
 */
async function watchShownPosts(
  watchMs: number,
): Promise<{ changes: number[]; newPostsSeen: number }> {
  const shownIds = () =>
    [...document.querySelectorAll('[data-testid="detail-posts"] a[href*="/i/web/status/"]')]
      .map((link) => link.getAttribute('href')!)
      .sort()
      .join(' ');
  const changes: number[] = [];
  const unseen = new Set<string>();
  let last = shownIds();
  const list = document.querySelector('[data-testid="detail-posts"]')!;
  const observer = new MutationObserver(() => {
    const now = shownIds();
    if (now === last) return;
    last = now;
    changes.push(performance.now());
  });
  observer.observe(list, { subtree: true, childList: true });
  const deadline = performance.now() + watchMs;
  while (performance.now() < deadline) {
    const answer = await fetch('/api/trends/worldcup/posts?limit=20');
    const { posts } = (await answer.json()) as { posts: { id: string }[] };
    for (const post of posts) {
      if (!last.includes(`/i/web/status/${encodeURIComponent(post.id)}`)) unseen.add(post.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  observer.disconnect();
  return { changes, newPostsSeen: unseen.size };
}
