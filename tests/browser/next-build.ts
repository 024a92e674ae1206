/**
 * Makes sure `.next` holds a production build of the current sources: builds when `BUILD_ID` is
 * missing or older than any file that goes into the page bundle. A fresh clone builds once.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';

/** What the dashboard bundle is built from (public/ is served from disk, not built). */
const BUNDLE_SOURCES = [
  'app',
  'components',
  // The page imports lib/client, the shared contracts and pure helpers from lib/trends.
  'lib',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'tsconfig.next.json',
  'package-lock.json',
];

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtimeMs(join(path, entry))),
    stats.mtimeMs,
  );
}

export function isBuildFresh(root: string): boolean {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const sourcesMs = Math.max(...BUNDLE_SOURCES.map((source) => newestMtimeMs(join(root, source))));
  return statSync(buildId).mtimeMs >= sourcesMs;
}

/**
 * The test files that need the build run in several processes at once. Each checks and builds
 * under this lock: a `next build` started while another finished would empty `.next` (Next
 * cleans it first) under a server that had already started on the finished build.
 */
const BUILD_LOCK_FILE = '.next-build.lock';
// proper-lockfile renews a held lock's mtime every `stale / 2` ms; a lock left by a killed test
// process is taken over once stale. The retries wait out a build on a busy machine (minutes).
const BUILD_LOCK_OPTIONS = {
  realpath: false,
  stale: 30_000,
  retries: { retries: 400, minTimeout: 250, maxTimeout: 1000 },
};

/** Next refuses to build while another `next build` holds `.next/lock` (it waits only 1 s). */
const LOCKED = /Another .*next build.* process is already running/;
const LOCKED_RETRY_MS = 5000;
const LOCKED_GIVE_UP_MS = 240_000;

/**
 * Runs `next build` in `root` unless the build is fresh; rejects with its output on failure.
 * Waits for another test process's build; when a `next build` started by hand holds Next's own
 * lock, waits and checks again (that build may make ours fresh).
 */
export async function ensureNextBuild(root: string): Promise<void> {
  const release = await lock(root, {
    ...BUILD_LOCK_OPTIONS,
    lockfilePath: join(root, BUILD_LOCK_FILE),
  });
  try {
    await buildUnlessFresh(root);
  } finally {
    await release();
  }
}

async function buildUnlessFresh(root: string): Promise<void> {
  const startMs = Date.now();
  for (;;) {
    if (isBuildFresh(root)) return;
    const { code, output } = await runNextBuild(root);
    if (code === 0) return;
    if (!LOCKED.test(output) || Date.now() - startMs > LOCKED_GIVE_UP_MS) {
      throw new Error(`next build failed (exit ${code}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCKED_RETRY_MS));
  }
}

async function runNextBuild(root: string): Promise<{ code: number | null; output: string }> {
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        // `npm run typecheck` checks the dashboard's types; the tests need only its bundle.
        TAGSTREAM_BUILD_WITHOUT_TYPECHECK: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, output: output.join('') };
}
