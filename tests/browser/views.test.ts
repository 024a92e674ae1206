/**
 * The "what is behind a trend" side of the dashboard in a real Chromium against the real server
 * (Next production build, socket.io) that has replayed the bundled small fixture, plus three
 * posts with markup in their text, to its end: the tag detail view, the language and originals
 * filters, muting, the view in the address and "Copy link", and the downloads. The state no
 * longer changes once the replay has ended, so the page can be checked against the API.
 * Every feature runs at 1280 and 390 px wide, in light and dark.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Download, Page, Response } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TagstreamServer } from '@/server/create-server';
import { startFixtureServer } from '@/tests/support/fixture-server';
import { waitFor } from '@/tests/support/wait-for';
import { ensureNextBuild } from './next-build';
import { HOSTILE_TEXTS, LAST_BATCH_MS, writeViewsFixture } from './views-fixture';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_PATH = '/usr/bin/chromium';
const RESULTS_DIR = `${ROOT}test-results`;
const skipWithoutBrowser = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (skipWithoutBrowser) console.warn(`Browser test skipped: no Chromium at ${CHROMIUM_PATH}.`);

const LOOKS = [
  { name: 'desktop-light', width: 1280, height: 900, colorScheme: 'light' },
  { name: 'phone-dark', width: 390, height: 844, colorScheme: 'dark' },
  { name: 'desktop-dark', width: 1280, height: 900, colorScheme: 'dark' },
  { name: 'phone-light', width: 390, height: 844, colorScheme: 'light' },
] as const;
type Look = (typeof LOOKS)[number];

/** The rows of the top list: one button each, named by its text (`#tag 1,234: details`). */
const barLabels = '[data-testid="top-tags"] button';
const detail = '[data-testid="tag-detail"]';

interface TopAnswer {
  batchTime: number;
  tags: { tag: string; key: string; count: number; error: number }[];
}

describe.skipIf(skipWithoutBrowser)(
  'what is behind a trend, in Chromium',
  { timeout: 120_000 },
  () => {
    let fixture: { path: string; remove(): void };
    let server: TagstreamServer;
    let base = '';
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      await ensureNextBuild(ROOT);
      fixture = writeViewsFixture(ROOT);
      ({ server, base } = await startFixtureServer(
        fixture.path,
        { LOG_LEVEL: 'silent' },
        { next: ROOT },
      ));
      await waitFor(
        () => (server.store.latest()?.batchTime ?? 0) >= LAST_BATCH_MS,
        'the last batch',
        {
          timeoutMs: 60_000,
        },
      );
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      mkdirSync(RESULTS_DIR, { recursive: true });
    }, 400_000);

    // A page left open goes on receiving and drawing every update: close each test's pages.
    afterEach(async () => {
      for (const context of contexts.splice(0)) await context.close();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      fixture?.remove();
    });
    /**
     * After the replay the stream's clock goes on, so the short windows empty within minutes:
     * the pages show the 60 min window, which keeps the replayed posts for the whole run.
     */

    async function open(look: Look, path = '/?window=60m'): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: look.width, height: look.height },
        colorScheme: look.colorScheme,
        // No bar or row animations on each update: nothing checked here moves, and the
        // animation frames of every open page were much of Chromium's CPU time.
        reducedMotion: 'reduce',
        acceptDownloads: true,
        permissions: ['clipboard-read', 'clipboard-write', 'notifications'],
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(45_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      (page as Page & { errors?: string[] }).errors = errors;
      // Said when a page does not go live (below), with the connection's state.
      const failedRequests: string[] = [];
      page.on('requestfailed', (request) =>
        failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
      );
      (page as Page & { failedRequests?: string[] }).failedRequests = failedRequests;
      await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
      await interactive(page);
      return page;
    }

    /**
     * The server-rendered rows are there before the page is hydrated, and a click before that
     * does nothing: the page is interactive once its socket is connected (a hydrated effect).
     */
    async function interactive(page: Page): Promise<void> {
      await page.locator(barLabels).nth(4).waitFor();
      await page
        .locator('[data-testid="connection"]:is([data-state="live"], [data-state="stalled"])')
        .waitFor()
        .catch(async (error: unknown) => {
          const state = await page
            .getAttribute('[data-testid="connection"]', 'data-state', { timeout: 1000 })
            .catch(() => 'unknown');
          const seen = page as Page & { errors?: string[]; failedRequests?: string[] };
          throw new Error(
            `the page did not go live (connection: ${state}; page errors: ` +
              `${JSON.stringify(seen.errors ?? [])}; failed requests: ` +
              `${JSON.stringify(seen.failedRequests ?? [])})`,
            { cause: error },
          );
        });
    }

    async function api<T>(path: string): Promise<T> {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    }

    /** The tags of the top list as the page shows them, from the bar labels' names. */
    async function shownTopTags(page: Page): Promise<string[]> {
      const names = await page
        .locator(barLabels)
        .evaluateAll((labels) => labels.map((label) => label.textContent ?? ''));
      return names.map((name) => name.slice(1, name.indexOf(' ')));
    }

    async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      return download;
    }

    // Both widths and both schemes; the other tests below take the two other combinations.
    for (const look of [LOOKS[0], LOOKS[1]]) {
      it(`opens a tag's detail from a bar label with the keyboard and closes it with Esc (${look.name})`, async () => {
        const page = await open(look);
        const label = page.locator(barLabels).first();
        const name = (await label.textContent())!;
        const tag = name.slice(0, name.indexOf(' '));
        const seriesAnswers: Response[] = [];
        page.on('response', (answer) => {
          if (/\/api\/trends\/[^/]+\/series/.test(answer.url())) seriesAnswers.push(answer);
        });
        await label.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: tag });
        await dialog.waitFor();
        expect(page.url()).toMatch(/[?&]tag=/);
        // The detail's chart draws the series the route last answered for its tag, a point per
        // batch, and reads out its points from the keyboard.
        const key = new URL(page.url()).searchParams.get('tag')!;
        const route = `/api/trends/${encodeURIComponent(key)}/series`;
        const line = dialog.locator('[data-testid="compact-line"]');
        let lastPoint = { batchTime: 0, count: -1 };
        await expect
          .poll(async () => {
            const answer = seriesAnswers.filter((one) => one.url().includes(route)).at(-1);
            if (!answer || !(await line.count())) return false;
            const { points } = (await answer.json()) as { points: (typeof lastPoint)[] };
            lastPoint = points.at(-1)!;
            return (await line.getAttribute('points'))!.split(' ').length === points.length;
          })
          .toBe(true);
        const chart = dialog.getByRole('img', { name: new RegExp(`^${tag} from `) });
        await chart.focus();
        await page.keyboard.press('End');
        expect(await dialog.locator('[data-testid="compact-readout"]').textContent()).toMatch(
          new RegExp(`^\\d\\d:\\d\\d:\\d\\d: ${lastPoint.count}$`),
        );
        await page.keyboard.press('Tab');
        await expect
          .poll(() => dialog.locator('[data-testid="detail-windows"] tbody tr').count())
          .toBe(4);
        await expect
          .poll(() => dialog.locator('[data-testid="detail-post"]').count())
          .toBeGreaterThan(0);
        await dialog.locator('[data-testid="related-tags"] button').first().waitFor();
        const box = await dialog.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(look.width);
        await page.screenshot({ path: `${RESULTS_DIR}/tag-detail-${look.name}.png` });
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.isVisible()).toBe(false);
        // The address is rewritten after the render that follows the dialog's close.
        await expect.poll(() => page.url()).not.toMatch(/[?&]tag=/);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
        expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      });
    }

    it('shows the newest posts of #WorldCup as text: markup in a post runs nothing', async () => {
      const page = await open(LOOKS[0], '/?window=60m&tag=worldcup');
      const dialog = page.locator(detail);
      await dialog.getByRole('heading', { name: '#WorldCup' }).waitFor();
      const texts = dialog.locator('[data-testid="post-text"]');
      await expect.poll(() => texts.count()).toBeGreaterThanOrEqual(3);
      const shown = await texts.allTextContents();
      expect(shown.slice(0, 3)).toEqual([...HOSTILE_TEXTS].reverse());
      expect(
        await page.evaluate(() => (window as { __postRan?: number }).__postRan),
      ).toBeUndefined();
      expect(
        await dialog
          .locator('[data-testid="post-text"] img, [data-testid="post-text"] script')
          .count(),
      ).toBe(0);
      const post = dialog.locator('[data-testid="detail-post"]').nth(1);
      expect(await post.textContent()).toContain('Tester 1');
      expect(await post.getByRole('link', { name: '@tester1' }).getAttribute('href')).toBe(
        'https://x.com/tester1',
      );
      expect(await post.getByRole('link', { name: '@fifa' }).getAttribute('href')).toBe(
        'https://x.com/fifa',
      );
      const link = post.getByRole('link', { name: 'https://example.com/goal' });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await post.locator('time').getAttribute('title')).toBe('2026-11-26 12:02:29 UTC');
      expect(await post.locator('time').textContent()).toMatch(/^(\d+ (s|min) ago|just now)$/);
      // A related tag opens its own detail, and #WorldCup is among the related tags there.
      const related = dialog.locator('[data-testid="related-tags"] button').first();
      const relatedName = (await related.textContent())!.replace(/\s*[\d,]+$/, '');
      await related.click();
      await dialog.getByRole('heading', { name: relatedName }).waitFor();
      await dialog
        .locator('[data-testid="related-tags"]')
        .getByRole('button', { name: /^#WorldCup [\d,]+$/ })
        .click();
      await dialog.getByRole('heading', { name: '#WorldCup' }).waitFor();
      // A hashtag in a post opens its own detail (#Final: one post, in no top list, so the
      // detail has no posts or related tags kept for it; see docs/tag-detail.md).
      await dialog
        .locator('[data-testid="detail-post"]')
        .first()
        .getByRole('button', { name: '#Final' })
        .click();
      await dialog.getByRole('heading', { name: '#Final' }).waitFor();
      expect(page.url()).toContain('tag=final');
    });

    it("paints the address's detail from the page's HTML, where its modal then stands", async () => {
      const path = '/?window=60m&tag=worldcup';
      const look = LOOKS[3];
      const box = (page: Page) =>
        page.locator(detail).evaluate((dialog) => {
          const { x, y, width, height } = dialog.getBoundingClientRect();
          return { x, y, width, height, modal: dialog.matches(':modal') };
        });
      // Without scripts: what the first paint shows, before any hydration.
      const still = await browser.newContext({
        viewport: { width: look.width, height: look.height },
        javaScriptEnabled: false,
      });
      contexts.push(still);
      const htmlOnly = await still.newPage();
      await htmlOnly.goto(`${base}${path}`);
      const dialogInHtml = htmlOnly.locator(detail);
      expect(await dialogInHtml.getByRole('heading', { name: '#WorldCup' }).isVisible()).toBe(true);
      expect(
        await dialogInHtml.locator('[data-testid="post-text"]').count(),
      ).toBeGreaterThanOrEqual(3);
      const inHtml = await box(htmlOnly);
      expect(inHtml.modal).toBe(false);

      const page = await open(look, path);
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.matches(':modal') === true,
        detail,
      );
      expect(await box(page)).toEqual({ ...inHtml, modal: true });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.url()).not.toMatch(/[?&]tag=/);
      expect(await page.locator(detail).isVisible()).toBe(false);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    });

    it('opens the detail from a chip of the chart and toggles the line from it', async () => {
      const page = await open(LOOKS[3]);
      const chip = page
        .locator('[data-testid="watched-chip"] button[aria-haspopup="dialog"]')
        .first();
      const chipTag = (await chip.textContent())!;
      await chip.click();
      await page.getByRole('dialog', { name: chipTag }).waitFor();
      // "Show on chart" toggles the tag's line from the detail.
      const toggle = page.locator(detail).getByRole('button', { name: 'Remove from chart' });
      const chipNames = page.locator('[data-testid="watched-chip"] button[aria-haspopup="dialog"]');
      expect(await chipNames.allTextContents()).toContain(chipTag);
      await toggle.click();
      await expect.poll(() => chipNames.allTextContents()).not.toContain(chipTag);
    });

    it('filters by language and by original posts, in the page, the address and the routes', async () => {
      const page = await open(LOOKS[1]);
      const select = page.getByLabel('Language');
      await select.focus();
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(2);
      const lang = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(lang!);
      expect(page.url()).toContain(`lang=${lang}`);
      const filtered = await api<TopAnswer>(`/api/trends?window=60m&limit=20&lang=${lang}`);
      await expect.poll(() => shownTopTags(page)).toEqual(filtered.tags.map((tag) => tag.tag));
      await page.getByRole('switch', { name: 'Original posts only' }).click();
      expect(page.url()).toContain('originals=true');
      const originals = await api<TopAnswer>(
        `/api/trends?window=60m&limit=20&lang=${lang}&originals=true`,
      );
      await expect.poll(() => shownTopTags(page)).toEqual(originals.tags.map((tag) => tag.tag));
      await page.reload();
      await interactive(page);
      expect(
        await page
          .getByRole('switch', { name: 'Original posts only' })
          .getAttribute('aria-checked'),
      ).toBe('true');
      await expect.poll(() => select.inputValue()).toBe(lang);
    });

    it('mutes a tag from every panel, lists it, and unmutes it; the list outlives a reload', async () => {
      const page = await open(LOOKS[2]);
      const first = (await shownTopTags(page))[0]!;
      await page.locator(barLabels).first().click();
      await page
        .locator(detail)
        .getByRole('button', { name: `Mute #${first}` })
        .click();
      await expect.poll(async () => (await shownTopTags(page)).includes(first)).toBe(false);
      await page.reload();
      await interactive(page);
      // The server-rendered list comes before the page reads the mutes from its storage.
      await expect.poll(async () => (await shownTopTags(page)).includes(first)).toBe(false);
      await page.getByRole('button', { name: 'Muted (1)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Muted hashtags' });
      await dialog.getByRole('button', { name: `Unmute #${first}` }).click();
      await expect.poll(async () => (await shownTopTags(page))[0]).toBe(first);
      await dialog.getByRole('button', { name: 'Done' }).click();
    });

    it('keeps the view in the address, restores it elsewhere, and "Copy link" copies it', async () => {
      const page = await open(LOOKS[0]);
      await page.locator(barLabels).nth(6).click();
      const tag = (await page.locator(`${detail} h2`).textContent())!;
      await page.locator(detail).getByRole('button', { name: 'Show on chart' }).click();
      await page.keyboard.press('Escape');
      await page.locator(barLabels).nth(1).click();
      await page.locator(detail).getByRole('heading').first().waitFor();
      const chips = await page.locator('[data-testid="watched-chip"]').allTextContents();
      expect(chips.join(' ')).toContain(tag);
      await page.keyboard.press('Escape');
      await page.getByRole('radio', { name: 'Last 15 min' }).click();
      await page.getByRole('radio', { name: 'Posts per batch' }).click();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.getByTestId('copy-link-status').textContent()).toBe('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());
      expect(copied).toMatch(/window=15m/);
      expect(copied).toMatch(/unit=batch/);
      const elsewhere = await open(LOOKS[1], copied.slice(base.length));
      await expect
        .poll(() =>
          elsewhere
            .locator('[aria-label="Window of the top hashtags"] [aria-checked="true"]')
            .textContent(),
        )
        .toBe('15m');
      expect(
        await elsewhere
          .getByRole('radio', { name: 'Posts per batch' })
          .getAttribute('aria-checked'),
      ).toBe('true');
      await expect
        .poll(() => elsewhere.locator('[data-testid="watched-chip"]').allTextContents())
        .toEqual(chips);
      expect(elsewhere.url()).toBe(copied);
    });

    it('downloads the top list as CSV and JSON that match the API, and both charts as PNG', async () => {
      const page = await open(LOOKS[0]);
      // The stream's clock goes on: the files are named after the batch on screen, held by Pause
      // (the replayed counts no longer change, so the rows still match the API's latest).
      await page.getByRole('button', { name: /^Pause/ }).click();
      await page.getByRole('button', { name: /^Resume/ }).waitFor();
      const answer = await api<TopAnswer>('/api/trends?window=60m&limit=20');
      const csv = await downloaded(page, () =>
        page.getByRole('button', { name: 'CSV of the top hashtags' }).click(),
      );
      // Read after the download: a batch already on its way when Pause was pressed still lands.
      const shownBatch = await page.getByTestId('batch-time').getAttribute('datetime');
      const stamp = shownBatch!.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
      expect(csv.suggestedFilename()).toBe(`tagstream-top-60m-${stamp}.csv`);
      const rows = readFileSync((await csv.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(rows[0]).toBe('rank,tag,key,count,error,window,batch_time,lang,originals_only');
      expect(rows.slice(1).map((row) => row.split(',').slice(0, 5))).toEqual(
        answer.tags.map((tag, index) => [
          String(index + 1),
          `#${tag.tag}`,
          tag.key,
          String(tag.count),
          String(tag.error),
        ]),
      );
      const json = await downloaded(page, () =>
        page.getByRole('button', { name: 'JSON of the top hashtags' }).click(),
      );
      const document = JSON.parse(readFileSync((await json.path())!, 'utf8')) as TopAnswer & {
        window: string;
      };
      expect(document.window).toBe('60m');
      expect(document.tags.map((tag) => [tag.key, tag.count])).toEqual(
        answer.tags.map((tag) => [tag.key, tag.count]),
      );
      for (const name of ['PNG of the top hashtags chart', 'PNG of the chart over time']) {
        const png = await downloaded(page, () => page.getByRole('button', { name }).click());
        const bytes = readFileSync((await png.path())!);
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.length).toBeGreaterThan(5_000);
      }
      const series = await downloaded(page, () =>
        page.getByRole('button', { name: 'CSV of the chart over time' }).click(),
      );
      const seriesRows = readFileSync((await series.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(seriesRows[0]).toBe('batch_time,batch_time_ms,tag,key,count,unit');
      const chips = await page.locator('[data-testid="watched-chip"]').allTextContents();
      const exported = new Set(seriesRows.slice(1).map((row) => row.split(',')[2]));
      expect([...exported].sort()).toEqual(chips.map((chip) => chip.replace(/×$/, '')).sort());
    });
  },
);
