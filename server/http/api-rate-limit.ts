import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from './client-address';
import { json } from './respond';
import type { RouteAnswer } from './respond';

export interface ApiRateLimitOptions {
  /** Requests to `/api/*` per client address per minute; 0 turns the limit off. */
  requestsPerMinute: number;
  trustProxyHops: number;
}

/** Refuses what is over the limit: 429 with `retry-after` in whole seconds. */
export type ApiRateLimit = (req: IncomingMessage) => Promise<RouteAnswer | undefined>;

/**
 * Per-address rate limit of the JSON API (rate-limiter-flexible, in memory: a counter per address
 * and minute, dropped when its minute ends). Health checks and metrics are not limited: probes
 * and scrapers must always get through.
 */
export function createApiRateLimit(options: ApiRateLimitOptions): ApiRateLimit {
  if (options.requestsPerMinute === 0) return async () => undefined;
  const limiter = new RateLimiterMemory({ points: options.requestsPerMinute, duration: 60 });
  return async (req) => {
    try {
      await limiter.consume(clientAddress(req, options.trustProxyHops));
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSec = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return json(
        429,
        { error: 'too many requests', retryAfterSec },
        { 'retry-after': String(retryAfterSec) },
      );
    }
  };
}
