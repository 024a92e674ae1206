/**
 * The server the load test measures, started for real: the mock X API streaming posts at a steady
 * rate on loopback, and `server/main.ts` as a child process reading its filtered stream.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { startMockXApi } from '../mock-x-api/mock-x-api';
import { tagTailPostFactory } from './tag-tail-posts';

export interface ServerUnderTest {
  url: string;
  /** Stops the server (SIGTERM, as a deploy would) and the mock. */
  stop(): Promise<void>;
}

export interface ServerUnderTestOptions {
  postsPerSecond: number;
  tags: number;
  /** Longest run, to size the mock's post supply. */
  runSec: number;
  profileDir: string | undefined;
}

export async function startServerUnderTest(
  options: ServerUnderTestOptions,
): Promise<ServerUnderTest> {
  const token = randomBytes(16).toString('hex');
  const mock = await startMockXApi({
    bearerToken: token,
    streamPostCount: options.postsPerSecond * (options.runSec + 120),
    postsPerSecond: options.postsPerSecond,
    keepAliveMs: 10_000,
    makePost: tagTailPostFactory(options.tags),
  });
  const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...profile, 'server/main.ts', '--no-next'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        TWEET_SOURCE: 'filtered',
        X_API_BASE_URL: mock.url,
        X_BEARER_TOKEN: token,
        X_STREAM_RULES: 'has:hashtags',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await listeningUrl(child);
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await mock.close();
    },
  };
}

/** The URL from the server's `Tagstream listening on …` log line. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    lines.on('line', (line) => {
      let entry: { url?: unknown; msg?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof entry.url === 'string' && String(entry.msg).startsWith('Tagstream listening')) {
        clearTimeout(timer);
        resolve(entry.url.replace('0.0.0.0', '127.0.0.1'));
      }
    });
  });
}
