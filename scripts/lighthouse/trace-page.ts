/**
 * `npx tsx scripts/lighthouse/trace-page.ts [--path /?tag=worldcup] [--cpu 4] [--seconds 10]
 * [--width 412] [--height 823] [--after 0] [--save trace.json]`:
 * where the main thread's blocking time goes on a page load. Loads the page of the production
 * build (replaying the bundled fixture) in Debian's Chromium with the CPU slowed down as
 * Lighthouse's mobile preset does, records a Chrome trace over the Chrome DevTools Protocol and
 * prints each long task (over 50 ms): when it ran, what started it (script evaluation, the
 * socket's message, React's scheduler, a timer) and, when the build is a profiling one
 * (`npx next build --profile`), React's phases and the components that took longest in it.
 * Uses whatever build `.next` holds: it does not build. `--after S` loads the page S seconds
 * later in the replay (the bundled fixture's `#WorldCup` bursts from 40 s). `--save` writes the
 * whole trace, which DevTools' Performance panel opens.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './audit-page';
import { startProductionServer } from './production-server';
import { formatLongTasks, longTasksOf } from './trace-long-tasks';
import type { TraceEvent } from './trace-long-tasks';

interface TraceOptions {
  path: string;
  cpuSlowdown: number;
  seconds: number;
  /** The viewport: a phone's by default (Lighthouse's mobile preset); 1350 × 940 is its desktop. */
  width: number;
  height: number;
  /** Seconds of replay between the server's warm-up and the page's load. */
  afterSeconds: number;
  savePath: string | undefined;
}

function parseOptions(args: readonly string[]): TraceOptions {
  const options: TraceOptions = {
    path: '/',
    cpuSlowdown: 4,
    seconds: 10,
    width: 412,
    height: 823,
    afterSeconds: 0,
    savePath: undefined,
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1] ?? ''];
    if (flag === '--path' && value.startsWith('/')) options.path = value;
    else if (flag === '--cpu' && Number(value) >= 1) options.cpuSlowdown = Number(value);
    else if (flag === '--seconds' && Number(value) > 0) options.seconds = Number(value);
    else if (flag === '--width' && Number(value) >= 200) options.width = Number(value);
    else if (flag === '--height' && Number(value) >= 200) options.height = Number(value);
    else if (flag === '--after' && Number(value) >= 0) options.afterSeconds = Number(value);
    else if (flag === '--save' && value) options.savePath = value;
    else
      throw new Error(
        `${flag} ${value}: not understood ` +
          '(--path, --cpu, --seconds, --width, --height, --after, --save)',
      );
  }
  return options;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
].join(',');

const REACT_DEVTOOLS_HOOK = `window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  renderers: new Map(), supportsFiber: true, isDisabled: false,
  inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberRoot() {},
  onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, setStrictMode() {},
};`;

async function recordTrace(url: string, options: TraceOptions): Promise<TraceEvent[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({
      viewport: { width: options.width, height: options.height },
    });
    // React times each component only where its DevTools could attach: an empty hook lets it.
    await page.addInitScript(REACT_DEVTOOLS_HOOK);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(options.seconds * 1000);
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const server = await startProductionServer();
  try {
    const url = new URL(options.path, server.url).href;
    await new Promise((resolve) => setTimeout(resolve, options.afterSeconds * 1000));
    const events = await recordTrace(url, options);
    if (options.savePath) writeFileSync(options.savePath, JSON.stringify({ traceEvents: events }));
    const tasks = longTasksOf(events);
    const blockingMs = tasks.reduce((sum, task) => sum + task.durationMs - 50, 0);
    process.stdout.write(
      `${options.path}, CPU ${options.cpuSlowdown}× slower, ${options.seconds} s after load: ` +
        `${tasks.length} long tasks, ${Math.round(blockingMs)} ms over 50 ms in all\n`,
    );
    for (const line of formatLongTasks(tasks)) process.stdout.write(`${line}\n`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
