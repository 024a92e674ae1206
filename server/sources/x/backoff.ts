/**
 * X's reconnect policy as a small state machine (delays in ms, before `scale`):
 * - a healthy connection that drops: reconnect at once;
 * - network errors (and connections that die before they prove healthy, so an accept-then-close
 *   server cannot make a hot loop): linear, 250 ms more each attempt, at most 16 s;
 * - HTTP errors (5xx, 409, other 4xx): exponential from 5 s, at most 320 s;
 * - 429: exponential from 60 s, at most 15 min, and never before the rate limit's reset.
 * All delays are multiplied by `scale` (X_BACKOFF_SCALE). Attempts count per kind and start over
 * once a connection has proved healthy (`reset`).
 */
export type FailureKind = 'drop' | 'network' | 'http' | 'rate-limit';

export const NETWORK_STEP_MS = 250;
export const NETWORK_MAX_MS = 16_000;
export const HTTP_FIRST_MS = 5_000;
export const HTTP_MAX_MS = 320_000;
export const RATE_LIMIT_FIRST_MS = 60_000;
export const RATE_LIMIT_MAX_MS = 900_000;

export interface Failure {
  kind: FailureKind;
  /** For 429: when the rate-limit window resets (ms since the epoch), if the server said. */
  resetAtMs?: number;
}

export class ReconnectBackoff {
  private attempts: Record<Exclude<FailureKind, 'drop'>, number> = {
    network: 0,
    http: 0,
    'rate-limit': 0,
  };

  constructor(private readonly scale = 1) {}

  /** The wait before the next attempt after `failure`, counting this failure. */
  nextDelayMs(failure: Failure, nowMs: number): number {
    if (failure.kind === 'drop') return 0;
    const attempt = ++this.attempts[failure.kind];
    if (failure.kind === 'network')
      return Math.min(NETWORK_STEP_MS * attempt, NETWORK_MAX_MS) * this.scale;
    if (failure.kind === 'http')
      return Math.min(HTTP_FIRST_MS * 2 ** (attempt - 1), HTTP_MAX_MS) * this.scale;
    const exponentialMs =
      Math.min(RATE_LIMIT_FIRST_MS * 2 ** (attempt - 1), RATE_LIMIT_MAX_MS) * this.scale;
    const untilResetMs = failure.resetAtMs === undefined ? 0 : failure.resetAtMs - nowMs;
    return Math.max(exponentialMs, untilResetMs);
  }

  /** A connection proved healthy: the next failures start from the first step again. */
  reset(): void {
    this.attempts = { network: 0, http: 0, 'rate-limit': 0 };
  }
}
