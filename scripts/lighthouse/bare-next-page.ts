/**
 * A bare page made with the same Next and React as the dashboard (a heading, a paragraph and one
 * client component, nothing else), for `npm run lighthouse -- --floor`: what the framework alone
 * scores on the same machine, the floor under the dashboard's scores.
 *
 * The page is written into `.lighthouse-floor/` (ignored by git, removed by `stop`; inside the
 * repository so that it resolves the repository's own packages), built with `next build` and
 * served with `next start` on a free loopback port.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../tests/support/redis-server';
import { waitFor } from '../../tests/support/wait-for';

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
async function startNextStart(): Promise<{ url: string; stop: () => Promise<void> }> {
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

/** Writes, builds and serves the bare page; `stop` ends the server and removes the folder. */
export async function startBareNextPage(): Promise<{ url: string; stop: () => Promise<void> }> {
  writeBarePage();
  const removeFolder = () => rmSync(FLOOR_DIR, { recursive: true, force: true });
  try {
    await runNext(['build', FLOOR_DIR]);
    const server = await startNextStart();
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        removeFolder();
      },
    };
  } catch (error) {
    removeFolder();
    throw error;
  }
}
