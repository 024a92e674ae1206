/**
 * The dashboard in a real Chromium with hashtags named like object properties (`#__proto__`,
 * `#constructor`, …): the page must render and show them like any other tag.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config';
import type { TagstreamServer } from '@/server/create-server';
import { createTagstreamServer } from '@/server/create-server';
import { writeHostileFixture } from '@/tests/support/hostile-fixture';
import type { HostileFixture } from '@/tests/support/hostile-fixture';
import { waitFor } from '@/tests/support/wait-for';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) {
  console.warn(`Browser test skipped: no Chromium at ${CHROMIUM_PATH}.`);
}

describe.skipIf(skipWithoutBrowser)('dashboard with hashtags named like object properties', () => {
  let fixture: HostileFixture;
  let server: TagstreamServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureNextBuild(ROOT);
    fixture = writeHostileFixture();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      FIXTURE_PATH: fixture.path,
      FIXTURE_SPEED: 'max',
      FIXTURE_LOOP: 'false',
      LOG_LEVEL: 'silent',
    });
    server = createTagstreamServer({ config, next: true, dir: ROOT });
    const { url } = await server.listen();
    // The chart starts with the top three when the page opens: open it once the whole burst is
    // counted, not while a replay slowed down by a busy machine is still in its first tags.
    await waitFor(
      () => (server.store.latest()?.batchTime ?? 0) > fixture.lastPostMs,
      'the batch of the last post',
      { timeoutMs: 60_000 },
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${url}?window=1m`);
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fixture?.remove();
  });

  it('shows every such tag in the top hashtags, the trending list and the chart', async () => {
    const bars = page.locator('[data-testid="top-tags"]');
    for (const { tag } of fixture.expected) {
      await expect.poll(() => bars.textContent()).toContain(`#${tag}`);
    }
    const trending = page.locator('[data-testid="trending"]');
    for (const { tag } of fixture.expected) {
      await expect.poll(() => trending.textContent()).toContain(tag);
    }
    // The chart starts with the top three: the tags posted most.
    const chips = page.locator('[data-testid="watched-chip"]');
    await expect.poll(() => chips.count()).toBe(3);
    const chipText = await chips.allTextContents();
    for (const { tag } of fixture.expected.slice(-3)) {
      expect(chipText.join(' ')).toContain(`#${tag}`);
    }
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it('draws a line for a trending tag named __proto__ from its detail', async () => {
    const row = page.locator('[data-testid="trending"] li button', { hasText: '__proto__' });
    await row.click();
    const detail = page.getByRole('dialog', { name: '#__proto__' });
    await detail.getByRole('button', { name: 'Show on chart' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
    const chips = page.locator('[data-testid="watched-chip"]');
    await expect.poll(() => chips.count()).toBe(4);
    await expect.poll(() => chips.last().textContent()).toContain('#__proto__');
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(4);
    expect(pageErrors).toEqual([]);
  });
});
