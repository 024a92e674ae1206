/**
 * One Redis connection with what every one of ours needs: reconnection with capped exponential
 * backoff and jitter (node-redis `reconnectStrategy`), every `error` event handled (logged at most
 * every 10 s), and a status the readiness check and the dashboard show.
 */
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { RedisClientType } from 'redis';
import { ThrottledLog } from '../ingestion/throttled-log';
import { redactRedisUrl } from './redis-url';

export type RedisClient = RedisClientType;

export interface RedisConnectionOptions {
  url: string;
  /** For log lines, e.g. `commands`. */
  name: string;
  /**
   * Commands sent while disconnected reject at once instead of waiting for the reconnection:
   * what the lease needs (a renewal that waits is worse than one that fails).
   */
  failFast: boolean;
  logger: Logger;
}

/**
 * Backoff between reconnection attempts: 100 ms doubling to 2 s, ±20 % jitter. The cap stays well
 * below the lease's stop deadline, so that a holder is back before it must give up.
 */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(100 * 2 ** Math.min(retries, 16), 2000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class RedisConnection {
  readonly client: RedisClient;
  /** Increments on every (re)connection: lets callers see that a reconnection happened. */
  private readyEpoch = 0;
  private lastError = '';
  private readonly errorLog: ThrottledLog;
  private closed = false;

  constructor(private readonly options: RedisConnectionOptions) {
    const logger = options.logger;
    this.errorLog = new ThrottledLog(logger, `redis ${options.name} connection error`);
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: options.failFast,
      socket: { connectTimeout: 5000, reconnectStrategy: (retries) => reconnectDelayMs(retries) },
    }) as RedisClient;
    this.client.on('error', (error: unknown) => {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.errorLog.report({ redis: redactRedisUrl(options.url), err: this.lastError });
    });
    this.client.on('ready', () => {
      this.readyEpoch++;
      if (this.readyEpoch > 1) logger.info({ connection: options.name }, 'redis reconnected');
    });
  }

  /** Connects in the background; retries forever (until `close`), never rejects. */
  connect(): void {
    this.client.connect().catch((error: unknown) => {
      if (!this.closed) this.options.logger.error({ err: error }, 'redis connect gave up');
    });
  }

  get isReady(): boolean {
    return this.client.isReady;
  }

  /** How many times this connection became ready; 0 before the first time. */
  get epoch(): number {
    return this.readyEpoch;
  }

  /** The last connection error's message, '' when none. */
  get error(): string {
    return this.lastError;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.client.isOpen) return;
    // `destroy` does not wait for replies: a blocked XREAD or a Redis that is down cannot hold up
    // the shutdown.
    this.client.destroy();
  }
}
