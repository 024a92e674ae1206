/**
 * One Lighthouse run of one page in a fresh headless Chromium (Debian's, never a downloaded one),
 * reduced to the figures the report prints.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Result } from 'lighthouse';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export type Preset = 'mobile' | 'desktop';

export interface AuditFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  cls: number;
  /** Bytes transferred for the scripts the page's HTML names (what the first view needs). */
  firstLoadJsBytes: number;
  /** Bytes transferred for every script of the run, those loaded later included. */
  allJsBytes: number;
  /** Lighthouse's estimate of script bytes loaded but not used. */
  unusedJsBytes: number;
  /** Audits of the four categories that did not pass, by id. */
  failedAudits: string[];
}

/** Where a run's whole outputs go, when wanted: each receives a JSON text to write out. */
export interface AuditOutputs {
  /** Lighthouse's whole report (its long tasks, boot-up time and main-thread work). */
  saveReport?: (reportJson: string) => void;
  /** The trace Lighthouse recorded of the load (`{ traceEvents }`, no slowdown applied). */
  saveTrace?: (traceJson: string) => void;
}

/** `htmlScripts`: the paths of the scripts the page's HTML names. */
export async function auditPage(
  url: string,
  preset: Preset,
  htmlScripts: ReadonlySet<string>,
  outputs: AuditOutputs = {},
): Promise<AuditFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    // A load whose metrics could not be computed scores null, which would count as 0.
    if (result.lhr.categories.performance?.score == null) {
      const reasons = Object.values(result.lhr.audits)
        .map((audit) => audit.errorMessage)
        .filter((message): message is string => Boolean(message));
      throw new Error(`no performance score (${[...new Set(reasons)].join('; ') || 'no reason'})`);
    }
    outputs.saveReport?.(JSON.stringify(result.lhr));
    const trace = (result.artifacts as { Trace?: unknown }).Trace;
    if (trace !== undefined) outputs.saveTrace?.(JSON.stringify(trace));
    return figuresOf(result.lhr, htmlScripts);
  } finally {
    await chrome.kill();
  }
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

function figuresOf(lhr: Result, htmlScripts: ReadonlySet<string>): AuditFigures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] })?.items ??
    []) as NetworkItem[];
  const scripts = requests.filter((request) => request.resourceType === 'Script');
  const bytes = (items: NetworkItem[]) =>
    items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  const unused = lhr.audits['unused-javascript']?.details as
    { overallSavingsBytes?: number } | undefined;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    firstLoadJsBytes: bytes(scripts.filter((item) => htmlScripts.has(new URL(item.url).pathname))),
    allJsBytes: bytes(scripts),
    unusedJsBytes: unused?.overallSavingsBytes ?? 0,
    failedAudits: failedAudits(lhr),
  };
}

/** Audits weighed in a category whose score is below 0.9 (Lighthouse's "failed" colour). */
function failedAudits(lhr: Result): string[] {
  const failed = new Set<string>();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit?.score !== null && (audit?.score ?? 1) < 0.9) failed.add(ref.id);
    }
  }
  return [...failed].sort();
}

/** Paths of the `<script src>` of a page's HTML. */
export function scriptPaths(html: string, pageUrl: string): Set<string> {
  const paths = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    paths.add(new URL(match[1]!.replaceAll('&amp;', '&'), pageUrl).pathname);
  }
  return paths;
}
