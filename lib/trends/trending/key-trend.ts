import { decayFactor } from './trending-score';

/**
 * What the trend tracker keeps per hashtag key: the decayed evidence counts of
 * `trending-score.ts` and this batch's evidence, as plain numbers (a checkpoint can copy it as is).
 *
 * Decay is lazy: `fast` and `slow` hold their values as of `updatedMs` and are decayed when the
 * key is next touched or read, so an idle key costs nothing per batch.
 */
export interface KeyTrend {
  fast: number;
  slow: number;
  updatedMs: number;
  /** Batch of the key's first post since its state was created (the start of its history). */
  firstSeenMs: number;
  /** Batch of the last post; `batchWeight` belongs to it. */
  batchMs: number;
  /** Evidence gathered in that batch (see `trend-evidence.ts`). */
  batchWeight: number;
}

export function newKeyTrend(batchMs: number): KeyTrend {
  return {
    fast: 0,
    slow: 0,
    updatedMs: batchMs,
    firstSeenMs: batchMs,
    batchMs: -Infinity,
    batchWeight: 0,
  };
}

/** Decays both counts to `timeMs` and adds `weight` at that time. */
export function decayAndAdd(
  trend: KeyTrend,
  timeMs: number,
  weight: number,
  fastHalfLifeMs: number,
  slowHalfLifeMs: number,
): void {
  const elapsedMs = timeMs - trend.updatedMs;
  if (elapsedMs > 0) {
    trend.fast *= decayFactor(elapsedMs, fastHalfLifeMs);
    trend.slow *= decayFactor(elapsedMs, slowHalfLifeMs);
    trend.updatedMs = timeMs;
  }
  trend.fast += weight;
  trend.slow += weight;
}

/** The decayed counts at `timeMs` (not stored). */
export function countsAt(
  trend: KeyTrend,
  timeMs: number,
  fastHalfLifeMs: number,
  slowHalfLifeMs: number,
): { fast: number; slow: number } {
  const elapsedMs = timeMs - trend.updatedMs;
  if (elapsedMs <= 0) return { fast: trend.fast, slow: trend.slow };
  return {
    fast: trend.fast * decayFactor(elapsedMs, fastHalfLifeMs),
    slow: trend.slow * decayFactor(elapsedMs, slowHalfLifeMs),
  };
}
