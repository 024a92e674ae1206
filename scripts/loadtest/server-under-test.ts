/**
 * The servers the load test measures, started for real: the mock X API streaming posts at a
 * steady rate on loopback, and `server/main.ts` as child processes reading its filtered stream;
 * several instances share a throwaway `redis-server` (one of them ingests, all serve).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { startMockXApi } from '../mock-x-api/mock-x-api';
import { startTestRedis } from '../../tests/support/redis-server';
import type { TestRedis } from '../../tests/support/redis-server';
import { tagTailPostFactory } from './tag-tail-posts';

export interface ServerUnderTest {
  /** One per instance. */
  urls: string[];
  /** Stops the servers (SIGTERM, as a deploy would), the mock and Redis. */
  stop(): Promise<void>;
}

export interface ServerUnderTestOptions {
  postsPerSecond: number;
  tags: number;
  /** Longest run, to size the mock's post supply. */
  runSec: number;
  profileDir: string | undefined;
  instances: number;
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
  const redis: TestRedis | undefined = options.instances > 1 ? await startTestRedis() : undefined;
  const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    TWEET_SOURCE: 'filtered',
    X_API_BASE_URL: mock.url,
    X_BEARER_TOKEN: token,
    X_STREAM_RULES: 'has:hashtags',
    // Every client of the test comes from the one loopback address: no per-address limits.
    MAX_SOCKETS_PER_ADDRESS: '0',
    API_RATE_LIMIT_PER_MIN: '0',
    ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'loadtest:' } : {}),
  };
  const children: ChildProcess[] = Array.from({ length: options.instances }, () =>
    spawn(process.execPath, ['--import', 'tsx', ...profile, 'server/main.ts', '--no-next'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const urls = await Promise.all(children.map(listeningUrl));
  return {
    urls,
    async stop() {
      await Promise.all(
        children.map((child) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          return exited;
        }),
      );
      await mock.close();
      await redis?.stop();
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
