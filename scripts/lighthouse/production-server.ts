/**
 * The production dashboard as a user gets it: `server/main.ts` with Next serving `next build`'s
 * output, replaying the bundled fixture, on a free loopback port, with its own empty state
 * directory. Resolves once the replay has produced enough for a full first view.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ProductionServer {
  url: string;
  /** Stops the server (SIGTERM) and removes its state directory. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
/** The first view is full once the shortest window lists this many tags. */
const WARM_TOP_TAGS = 10;

/** `root`: the checkout whose server and build to run (this one by default). */
export async function startProductionServer(root = process.cwd()): Promise<ProductionServer> {
  const stateDir = mkdtempSync(join(tmpdir(), 'tagstream-lighthouse-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TWEET_SOURCE: 'fixture',
      STATE_DIR: stateDir,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const url = await listeningUrl(child);
    await untilWarm(url);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The URL from the server's `Tagstream listening on …` log line (JSON lines on stdout). */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the server did not start')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    lines.on('line', (line) => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
  });
}

async function untilWarm(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const answer = await fetch(`${url}/api/trends?window=1m`).catch(() => undefined);
    const body = (await answer?.json().catch(() => undefined)) as { tags?: unknown[] } | undefined;
    if ((body?.tags?.length ?? 0) >= WARM_TOP_TAGS) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the replay did not list ${WARM_TOP_TAGS} tags in time`);
}
