/**
 * Paces recent-search requests from the `x-rate-limit-*` headers so that normal running never
 * meets a 429: the remaining budget is spread evenly until the window resets, and the configured
 * interval is the floor. With 450 requests per 15 min that is one request every 2 s.
 */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Unix seconds, as X sends it. */
  reset: number;
}

/**
 * Delay before the next request: max(`intervalMs`, time to reset / remaining). No budget left:
 * wait until the reset. No (or unreadable) headers: the interval.
 */
export function nextRequestDelayMs(
  intervalMs: number,
  rateLimit: RateLimitInfo | undefined,
  nowMs: number,
): number {
  if (!rateLimit || !Number.isFinite(rateLimit.remaining) || !Number.isFinite(rateLimit.reset))
    return intervalMs;
  const untilResetMs = Math.max(0, rateLimit.reset * 1000 - nowMs);
  if (rateLimit.remaining <= 0) return Math.max(intervalMs, untilResetMs);
  return Math.max(intervalMs, Math.ceil(untilResetMs / rateLimit.remaining));
}
