/**
 * Entry point: `npm run dev` (`--dev`: Next compiles on demand), `npm start` (after `next build`),
 * or `--no-next` to serve only the API, sockets and engine (tests, headless use). Loads `.env`
 * when present (Next does not for a custom server), checks the config, and exits 1 with one line
 * on a bad value. SIGTERM/SIGINT stop the source, then the engine, then the server, and exit 0.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import { createTagstreamServer } from './create-server';
import type { TagstreamServer } from './create-server';
import { createLogger } from './logger';
import { routeConsoleToLogger } from './console-to-logger';
import { redactRedisUrl } from './cluster/redis-url';

/** Cloud Run kills about 10 s after SIGTERM: exit on our own before that. */
const FORCED_EXIT_MS = 9000;

function readConfig(): Readonly<Config> {
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function nextMode(args: readonly string[]): boolean | 'dev' {
  if (args.includes('--no-next')) return false;
  return args.includes('--dev') ? 'dev' : true;
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  routeConsoleToLogger(logger);
  const next = nextMode(process.argv.slice(2));
  const server = createTagstreamServer({ config, logger, next });
  handleSignals(server, logger);
  const { url } = await server.listen();
  logger.info(
    {
      url,
      source: config.TWEET_SOURCE,
      ...(config.REDIS_URL === undefined ? {} : { redis: redactRedisUrl(config.REDIS_URL) }),
      next: next === 'dev' ? 'dev' : next ? 'production' : 'off',
    },
    `Tagstream listening on ${url}`,
  );
}

function handleSignals(server: TagstreamServer, logger: ReturnType<typeof createLogger>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      forceExit();
    }, FORCED_EXIT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Ends the process even when a thread of libuv's pool is stuck in a system call that never
 * returns (an open of a FIFO nobody writes to): `process.exit` waits for those threads, a
 * SIGKILL does not. The status is then 137 (killed), not 1.
 */
function forceExit(): never {
  process.kill(process.pid, 'SIGKILL');
  return process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Tagstream failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
