/**
 * The dashboard in a real Chromium against the real server (Next production build, socket.io,
 * the engine replaying the small fixture at 2× speed so the page changes every second and its one
 * real burst, #WorldCup from 40 s of virtual time, rises in "Trending now" from about 24 s of
 * real time until the 150 s fixture loops; afterwards its repeats are its usual, not a trend).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config';
import type { TagstreamServer } from '@/server/create-server';
import { createTagstreamServer } from '@/server/create-server';
import { ensureNextBuild } from './next-build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const RESULTS_DIR = `${ROOT}test-results`;
/** The README's screenshots (light, dark); rewritten when missing or with UPDATE_SCREENSHOT=1. */
const README_SCREENSHOT = `${ROOT}public/screenshot.png`;
const README_SCREENSHOT_DARK = `${ROOT}public/screenshot-dark.png`;
const README_SCREENSHOT_DETAIL = `${ROOT}public/screenshot-tag-detail.png`;

// Without Chromium the suite is skipped (after saying how to install it) so `npm test` still
// runs on a machine without a browser; under CI=true a missing browser fails instead.
const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) {
  console.warn(
    `Browser test skipped: no Chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\`.`,
  );
}

const topTags = '[data-testid="top-tags"] button';
const trendingRows = '[data-testid="trending"] li button';
/** Rows of "Trending now" and of "Cooling down" (where a tag goes once past its peak). */
const listedRows = ':is([data-testid="trending"], [data-testid="cooling"]) li button';

describe.skipIf(skipWithoutBrowser)('dashboard in Chromium', () => {
  let server: TagstreamServer;
  let browser: Browser;
  let page: Page;
  let firstAnswer: Response | null;
  /** The first page's HTML, read before any other navigation. */
  let firstHtml = '';
  let pageUrl = '';
  /** Content-Security-Policy violations the page reported, over the whole run. */
  const cspViolations: string[] = [];

  beforeAll(async () => {
    await ensureNextBuild(ROOT);
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      FIXTURE_PATH: 'fixtures/small.jsonl',
      FIXTURE_SPEED: '2',
      LOG_LEVEL: 'silent',
    });
    server = createTagstreamServer({ config, next: true, dir: ROOT });
    const { url } = await server.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
      // Nothing animates on each update (the page's CSS cuts its transitions): less for
      // Chromium to draw, and screenshots that never catch a bar half-way.
      reducedMotion: 'reduce',
      permissions: ['notifications'],
    });
    page.setDefaultTimeout(20_000);
    // Chromium reports each blocked script, style or connection on the console and as an event.
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportCspViolation(text: string): void })
          .reportCspViolation;
        report(`${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    // An alert on #WorldCup set before it trends, and the notifications the page shows.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('alert-set')) return;
      sessionStorage.setItem('alert-set', '1');
      localStorage.setItem(
        'tagstream:alerts',
        JSON.stringify([{ key: 'worldcup', tag: 'WorldCup', threshold: null }]),
      );
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      const Native = window.Notification;
      window.Notification = class extends Native {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(options?.body ?? title);
        }
      } as typeof Notification;
    });
    pageUrl = url;
    firstAnswer = await page.goto(url);
    firstHtml = (await firstAnswer?.text()) ?? '';
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills the top hashtags and the trending list and keeps updating them', async () => {
    await page.locator(topTags).nth(4).waitFor();
    await page.locator(trendingRows).first().waitFor({ timeout: 60_000 });
    expect(
      await page.locator(`${trendingRows} [data-testid="trend-reason"]`).first().textContent(),
    ).toMatch(/^(new|[\d.]+× its usual rate), [\d,]+ people in the last minute$/);
    await expect
      .poll(() => page.getAttribute('[data-testid="connection"]', 'data-state'))
      .toBe('live');
    const first = await page.locator('[data-testid="batch-time"]').textContent();
    const firstBars = await page.locator('[data-testid="top-tags"]').innerText();
    await expect
      .poll(() => page.locator('[data-testid="batch-time"]').textContent(), { timeout: 15_000 })
      .not.toBe(first);
    await expect
      .poll(() => page.locator('[data-testid="top-tags"]').innerText(), { timeout: 15_000 })
      .not.toBe(firstBars);
    // Each bar is drawn as long as its value over the longest one's, as shown in the rows
    // (the bars' track is as wide in every row).
    const drawn = await page.locator(topTags).evaluateAll((rows) =>
      rows.map((row) => ({
        value: Number(row.querySelector('.tabular-nums')!.textContent!.replace(/\D/g, '')),
        length: row.querySelector('.origin-left')!.getBoundingClientRect().width,
      })),
    );
    const longest = drawn[0]!;
    expect(Math.max(...drawn.map((bar) => bar.value))).toBe(longest.value);
    for (const bar of drawn.filter((one) => one.value / longest.value > 0.01)) {
      expect(bar.length / longest.length).toBeCloseTo(bar.value / longest.value, 2);
    }
  }, 90_000);

  it('keeps the keyboard focus on its hashtag when a re-ranking moves it', async () => {
    // The bars stay in place and show the new ranking; the focus goes where its tag went.
    const PLACE = 5;
    const shownKeys = () =>
      page
        .locator(topTags)
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.rowId ?? ''));
    const focusedKey = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowId ?? null);
    const focusBar = async () => {
      await page.locator(topTags).nth(PLACE).focus();
      return (await focusedKey())!;
    };
    await page.locator(topTags).nth(PLACE).waitFor();
    let key = await focusBar();
    let moved = false;
    const deadline = Date.now() + 45_000;
    while (!moved && Date.now() < deadline) {
      await page.waitForTimeout(100);
      const place = (await shownKeys()).indexOf(key);
      if (place === -1) key = await focusBar();
      else if (place !== PLACE) {
        moved = true;
        expect(await focusedKey()).toBe(key);
      }
    }
    expect(moved).toBe(true);
    await page.locator(topTags).nth(PLACE).blur();
  }, 60_000);

  it('marks and notifies when an alerted tag enters the trending list', async () => {
    await page.locator(listedRows).first().waitFor({ timeout: 60_000 });
    const mark = page.locator('[data-testid="alert-mark"]', { hasText: '#WorldCup is trending' });
    await mark.waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
      ),
    ).toContain('#WorldCup is trending');
    await mark.getByRole('button', { name: /^Dismiss/ }).click();
    await expect.poll(() => mark.count()).toBe(0);
  });

  it('starts the chart with the top three tags and toggles the line of a trending tag from its detail', async () => {
    const chips = page.locator('[data-testid="watched-chip"]');
    await expect.poll(() => chips.count()).toBe(3);
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(3);
    // The fixture's one trending tag, #WorldCup, is drawn from the start if it was already among
    // the top three when the page loaded: "Remove from chart" in its detail removes its line and
    // "Show on chart" adds it back; otherwise the first adds it and the second removes it.
    const row = page.locator(listedRows).first();
    const tag = (await row.locator('span.truncate').textContent())!.trim();
    expect(tag).toBe('#WorldCup');
    const detail = page.getByRole('dialog', { name: tag });
    const toggle = detail.getByRole('button', { name: /^(Show on|Remove from) chart$/ });
    await row.click();
    await detail.waitFor();
    const drawn = (await toggle.getAttribute('aria-pressed')) === 'true';
    await expect
      .poll(() => detail.locator('[data-testid="detail-post"]').count())
      .toBeGreaterThan(0);
    await detail.locator('[data-testid="related-tags"] button').first().waitFor();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: `${RESULTS_DIR}/dashboard-detail.png` });
    if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(README_SCREENSHOT_DETAIL)) {
      await page.screenshot({ path: README_SCREENSHOT_DETAIL });
    }
    const add = async () => {
      await toggle.click();
      await expect.poll(() => chips.count()).toBe(drawn ? 3 : 4);
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => chips.last().textContent()).toContain(tag);
      await expect
        .poll(() =>
          page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count(),
        )
        .toBe(drawn ? 3 : 4);
    };
    const remove = async () => {
      await toggle.click();
      await expect.poll(() => chips.count()).toBe(drawn ? 2 : 3);
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    };
    if (drawn) await remove();
    await add();
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
    // The new line is drawn last, a point per batch of the chart's span, and the keyboard
    // reads every line's value at a point.
    const chart = page.locator('[data-testid="series-chart"]');
    const line = chart.locator('[data-testid="compact-line"]').last();
    expect(await line.getAttribute('data-label')).toBe(tag);
    await expect
      .poll(async () => ((await line.getAttribute('points')) ?? '').split(' ').length)
      .toBeGreaterThan(2);
    await chart.getByRole('img', { name: / lines from / }).focus();
    await page.keyboard.press('End');
    const readout = (await chart.locator('[data-testid="compact-readout"]').textContent())!;
    expect(readout).toMatch(/^\d\d:\d\d:\d\d: #\S+ [\d,]+(, #\S+ [\d,]+)+$/);
    expect(readout).toContain(`${tag} `);
    if (drawn) return;
    // The line is removed from the tag's detail too: reopened from its chip on the chart.
    await page
      .locator('[data-testid="watched-chip"] button[aria-haspopup="dialog"]', { hasText: tag })
      .click();
    await detail.waitFor();
    await remove();
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
  }, 90_000);

  it('opens a tag from the keyboard on its bar label and draws it from its detail', async () => {
    // From the window selector, Tab lands on the first bar's label: no stray stops in the chart.
    await page.locator('[role="radio"][aria-checked="true"]').first().focus();
    await page.keyboard.press('Tab');
    // The button's name is its text: the visible label and value, then the details.
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toMatch(
      /^#\S+ ≈?[\d.,]+k?M?: (About )?[\d,]+ posts\. (Not shown|Shown) on the chart over time\. Opens its detail\.$/,
    );
    const tag = focused!.slice(0, focused!.indexOf(' '));
    const chips = await page.locator('[data-testid="watched-chip"]').count();
    await page.keyboard.press('Enter');
    const detail = page.locator('[data-testid="tag-detail"]');
    await detail.getByRole('heading', { name: tag }).waitFor();
    // The dialog focuses its first control (Close); the next is the chart toggle.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
      /^(Show on|Remove from) chart$/,
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="watched-chip"]').count())
      .toBe(focused!.includes('Not shown') ? chips + 1 : chips - 1);
    await page.keyboard.press('Escape');
    // The focus is back on the label (whose count and chart state have changed since).
    const back = await page.evaluate(() => document.activeElement?.textContent);
    expect(back?.slice(0, back.indexOf(' '))).toBe(tag);
  });

  it('changes the window with the arrow keys and by clicking', async () => {
    const checked = page.locator(
      '[aria-label="Window of the top hashtags"] [role="radio"][aria-checked="true"]',
    );
    expect(await checked.textContent()).toBe('5m');
    await checked.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked.textContent()).toBe('15m');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('15m');
    await expect
      .poll(() => page.locator('#top-tags-title ~ p').textContent())
      .toContain('last 15 min');
    await page.getByRole('radio', { name: 'Last 1 min' }).click();
    await expect.poll(() => checked.textContent()).toBe('1m');
    expect(page.url()).toContain('window=1m');
  });

  it('freezes the display while paused and jumps to the latest batch on resume', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    await expect
      .poll(() => page.locator('[data-testid="pause"]').textContent())
      .toContain('Resume');
    const frozen = await page.locator('[data-testid="batch-time"]').textContent();
    // Updates go on arriving while paused: the clock names the live batch beside the frozen one.
    await expect
      .poll(() => page.locator('[data-testid="batch-time"]').locator('..').textContent())
      .toContain(' · live ');
    expect(await page.locator('[data-testid="batch-time"]').textContent()).toBe(frozen);
    await page.locator('[data-testid="pause"]').click();
    await expect.poll(() => page.locator('[data-testid="pause"]').textContent()).toContain('Pause');
    await expect
      .poll(() => page.locator('[data-testid="batch-time"]').textContent())
      .not.toBe(frozen);
  });

  it('reconnects after the server drops the socket and keeps the watched lines', async () => {
    const chips = await page.locator('[data-testid="watched-chip"]').count();
    const before = await page.locator('[data-testid="batch-time"]').textContent();
    let reconnections = 0;
    server.io.on('connection', () => (reconnections += 1));
    server.io.disconnectSockets(true);
    await expect.poll(() => reconnections, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.getAttribute('[data-testid="connection"]', 'data-state'))
      .toBe('live');
    await expect
      .poll(() => page.locator('[data-testid="batch-time"]').textContent())
      .not.toBe(before);
    expect(await page.locator('[data-testid="watched-chip"]').count()).toBe(chips);
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(chips);
  });

  it('switches the chart to the last 1 h and 24 h per minute, then back to live', async () => {
    const chips = await page.locator('[data-testid="watched-chip"]').count();
    expect(chips).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Last hour, per minute' }).click();
    await expect
      .poll(() => page.locator('[data-testid="history-chart"] .recharts-line').count())
      .toBe(chips);
    // The replay began minutes ago: the rest of the hour is before the history starts.
    await expect
      .poll(() => page.locator('[data-testid="history-missing"]').textContent())
      .toMatch(/^No data before \d\d:\d\d:\d\d \(history starts\)/);
    expect(await page.getByText('Posts per minute · last 1 h').count()).toBe(1);
    await page.getByRole('radio', { name: 'Last 24 hours, per minute' }).click();
    await expect
      .poll(() => page.locator('[data-testid="history-chart"] .recharts-line').count())
      .toBe(chips);
    expect(await page.getByRole('radio', { name: 'Posts per batch' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Live, recent batches' }).click();
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(chips);
  });

  it('saves screenshots in light and dark', async () => {
    await page.goto(page.url().replace(/\?.*$/, ''));
    await page.locator(topTags).nth(4).waitFor();
    await expect
      .poll(() => page.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count())
      .toBe(3);
    // A live update drawn since the load, so that the picture shows the page as it goes on.
    const loaded = await page.locator('[data-testid="batch-time"]').getAttribute('datetime');
    await expect
      .poll(() => page.locator('[data-testid="batch-time"]').getAttribute('datetime'))
      .not.toBe(loaded);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const updateReadme = process.env.UPDATE_SCREENSHOT === '1';
    await page.screenshot({ path: `${RESULTS_DIR}/dashboard-light.png` });
    if (updateReadme || !existsSync(README_SCREENSHOT)) {
      await page.screenshot({ path: README_SCREENSHOT });
    }
    // The page follows the system scheme until a theme is picked, also when it changes later.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
      .toBe(true);
    await page.screenshot({ path: `${RESULTS_DIR}/dashboard-dark.png` });
    if (updateReadme || !existsSync(README_SCREENSHOT_DARK)) {
      await page.screenshot({ path: README_SCREENSHOT_DARK });
    }
  });

  it('ships no server configuration in the browser bundle', () => {
    // Importing server/config.ts from a client component would bundle its variable names.
    const bundle = readTree(`${ROOT}.next/static`).join('\n');
    expect(bundle.length).toBeGreaterThan(10_000);
    for (const name of ['X_BEARER_TOKEN', 'X_API_BASE_URL', 'NEXT_PUBLIC_']) {
      expect(bundle).not.toContain(name);
    }
  });

  it('renders the first view on the server from the latest state and hydrates it without fetching', async () => {
    await page.locator(topTags).nth(4).waitFor();
    const fresh = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
    });
    const seriesRequests: string[] = [];
    const errors: string[] = [];
    fresh.on('request', (request) => {
      if (/\/api\/trends\/[^/]+\/series/.test(request.url())) seriesRequests.push(request.url());
    });
    fresh.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    fresh.on('pageerror', (error) => errors.push(error.message));
    try {
      const html = (await (await fresh.goto(pageUrl))!.text()) ?? '';
      // The HTML itself has the bars, the top three tags' chips and no loading placeholder.
      expect(html.match(/data-row-id="/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
      expect(html.match(/data-testid="watched-chip"/g)?.length).toBe(3);
      expect(html).not.toContain('aria-label="Loading"');
      // The lines are drawn once hydrated (the chart measures its box): on a busy machine that
      // takes longer than the poll's default second.
      await expect
        .poll(
          () => fresh.locator('[data-testid="series-chart"] [data-testid="compact-line"]').count(),
          {
            timeout: 15_000,
          },
        )
        .toBe(3);
      await expect
        .poll(() => fresh.getAttribute('[data-testid="connection"]', 'data-state'), {
          timeout: 15_000,
        })
        .toBe('live');
      // The top tags' series came with the page and the socket: no history fetched, and
      // hydration found the server's HTML as it would have rendered it (no mismatch error).
      expect(seriesRequests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('goes live when the socket code failed to load at first, instead of staying offline', async () => {
    const fresh = await browser.newPage({ viewport: { width: 412, height: 823 } });
    // The chunk holding socket.io-client (engine.io's "ping timeout" is in no other) fails
    // three times: the first load and the bundler's own retry, then the page's first retry.
    let failedLoads = 0;
    await fresh.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('ping timeout') && failedLoads < 3) {
        failedLoads++;
        await route.abort('connectionreset');
        return;
      }
      await route.fulfill({ response, body });
    });
    try {
      await fresh.goto(pageUrl);
      await expect
        .poll(() => fresh.getAttribute('[data-testid="connection"]', 'data-state'), {
          timeout: 15_000,
        })
        .toBe('offline');
      await expect
        .poll(() => fresh.getAttribute('[data-testid="connection"]', 'data-state'), {
          timeout: 15_000,
        })
        .toBe('live');
      expect(failedLoads).toBe(3);
    } finally {
      await fresh.close();
    }
  });

  it('serves the page with a nonce-based Content-Security-Policy and the security headers', async () => {
    const headers = firstAnswer!.headers();
    const policy = headers['content-security-policy'] ?? '';
    const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scriptSources).toMatch(/'nonce-[A-Za-z0-9+/]+={0,2}'/);
    expect(scriptSources).toContain("'strict-dynamic'");
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-powered-by']).toBeUndefined();
    // The nonce is fresh for every answer, and Next's scripts carry it.
    const again = await page.request.get(page.url());
    expect(again.headers()['content-security-policy']).not.toBe(policy);
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(firstHtml).toContain(`nonce="${nonce}"`);
  });

  it('reflows to one column on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const top = await page.locator('section[aria-labelledby="top-tags-title"]').boundingBox();
    const trending = await page.locator('section[aria-labelledby="trending-title"]').boundingBox();
    expect(trending!.x).toBeCloseTo(top!.x, 0);
    expect(trending!.y).toBeGreaterThan(top!.y + top!.height - 1);
    await page.screenshot({ path: `${RESULTS_DIR}/dashboard-phone.png`, fullPage: true });
  });

  it('met no Content-Security-Policy violation during the whole run', () => {
    expect(cspViolations).toEqual([]);
  });
});

/** The text of every `.js` file under `dir`. */
function readTree(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    if (statSync(path).isDirectory()) return readTree(path);
    return path.endsWith('.js') ? [readFileSync(path, 'utf8')] : [];
  });
}
