/**
 * The small fixture looped at 4× (a batch every 500 ms; `#WorldCup` bursts once a loop) on the
 * real server with the production build, and Chromium: what the browser tests that watch live
 * batches for a while start (`layout-shift.test.ts`, `post-hold.test.ts`).
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { TagstreamServer } from '@/server/create-server';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { waitFor } from '@/tests/support/wait-for';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface LoopedReplay {
  server: TagstreamServer;
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startLoopedReplay(): Promise<LoopedReplay> {
  await ensureNextBuild(ROOT);
  const { server, base } = await startFixtureServer(
    'fixtures/small.jsonl',
    { LOG_LEVEL: 'silent', FIXTURE_SPEED: '4', FIXTURE_LOOP: 'true' },
    { next: ROOT },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  return {
    server,
    base,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Until the server keeps more than `least` of `#WorldCup`'s posts: the replay is in its burst. */
export async function untilWorldCupPosts(base: string, least: number, timeoutMs = 60_000) {
  await waitFor(
    async () => {
      const answer = await fetch(`${base}/api/trends/worldcup/posts?limit=20`);
      const body = (await answer.json()) as { posts?: unknown[] };
      return (body.posts?.length ?? 0) > least;
    },
    "#WorldCup's posts",
    { timeoutMs, pollMs: 250 },
  );
}
