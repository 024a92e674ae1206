/**
 * `npx tsx scripts/lighthouse/framework-floor.ts [--runs 5] [--preset mobile|desktop]`: what
 * Lighthouse gives, on this machine, a bare page made with the same Next and React as the
 * dashboard (a heading, a paragraph and one client component, nothing else): the floor that the
 * framework alone sets under the dashboard's scores, to read them against.
 *
 * The page is written into `.lighthouse-floor/` (ignored by git, removed afterwards; inside the
 * repository so that it resolves the repository's own packages), built with `next build` and
 * served with `next start` on a free loopback port.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/redis-server';
import { waitFor } from '../../tests/support/wait-for';
import { auditPage, scriptPaths } from './audit-page';
import type { Preset } from './audit-page';
import { formatReport } from './median-report';
import type { PageResult } from './median-report';

const FLOOR_DIR = join(process.cwd(), '.lighthouse-floor');
const NEXT_BIN = join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

const BARE_PAGE_FILES: Record<string, string> = {
  'package.json': '{ "private": true, "type": "module" }\n',
  'next.config.js': 'export default { reactStrictMode: true, poweredByHeader: false };\n',
  // The empty icon keeps the browser from asking for a favicon that is not there.
  'app/layout.jsx': `export const metadata = {
  title: 'Bare page',
  description: 'A bare Next page.',
  icons: { icon: 'data:,' },
};
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  'app/page.jsx': `import { Counter } from './counter';
export default function Page() {
  return <main><h1>Trending hashtags</h1><p>A bare page with one client component.</p><Counter /></main>;
}
`,
  'app/counter.jsx': `'use client';
import { useState } from 'react';
export function Counter() {
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount(count + 1)}>Clicked {count} times</button>;
}
`,
};

function parseOptions(args: readonly string[]): { runs: number; presets: Preset[] } {
  const options = { runs: 5, presets: [] as Preset[] };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1] ?? ''];
    if (flag === '--runs' && /^[1-9]$/.test(value)) options.runs = Number(value);
    else if (flag === '--preset' && (value === 'mobile' || value === 'desktop')) {
      options.presets.push(value);
    } else {
      throw new Error(`${flag} ${value}: not understood (--runs 1-9, --preset mobile|desktop)`);
    }
  }
  if (!options.presets.length) options.presets.push('mobile', 'desktop');
  return options;
}

function writeBarePage(): void {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  for (const [path, text] of Object.entries(BARE_PAGE_FILES)) {
    mkdirSync(join(FLOOR_DIR, path, '..'), { recursive: true });
    writeFileSync(join(FLOOR_DIR, path), text);
  }
}

function runNext(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args[0]} exited with ${code}`)),
    );
  });
}

/** `next start` on a free port, resolved once the page answers; `stop` ends it. */
async function startBarePage(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', FLOOR_DIR, '-p', String(port), '-H', '127.0.0.1'],
    { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}/`;
  const answers = () =>
    fetch(url).then(
      (response) => response.ok,
      () => false,
    );
  try {
    await waitFor(answers, 'the bare page to answer', { pollMs: 100 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  writeBarePage();
  try {
    await runNext(['build', FLOOR_DIR]);
    const page = await startBarePage();
    const results: PageResult[] = [];
    const loadBefore = loadavg().map((value) => value.toFixed(2));
    try {
      const htmlScripts = scriptPaths(await (await fetch(page.url)).text(), page.url);
      for (const preset of options.presets) {
        const result: PageResult = { path: '/ (bare Next page)', preset, runs: [] };
        for (let run = 0; run < options.runs; run++) {
          result.runs.push(await auditPage(page.url, preset, htmlScripts));
          const { performance, tbtMs } = result.runs.at(-1)!;
          process.stderr.write(
            `${preset} run ${run + 1}: ${performance} (TBT ${Math.round(tbtMs)} ms)\n`,
          );
        }
        results.push(result);
      }
    } finally {
      await page.stop();
    }
    process.stdout.write(`${formatReport(results)}\n`);
    const loadAfter = loadavg().map((value) => value.toFixed(2));
    process.stdout.write(
      `Load average before: ${loadBefore.join(' ')}; after: ${loadAfter.join(' ')}; ` +
        `${cpus().length} CPUs\n`,
    );
  } finally {
    rmSync(FLOOR_DIR, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
