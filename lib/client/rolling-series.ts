/**
 * Rolling sums over the per-batch series: per-batch counts of a tag are small and jumpy (0, 3,
 * 1, 0 …); summed over a span of batches they show the trend. Pure.
 */
import type { HeldPoint } from './dashboard-state';

export interface RollingPoint {
  batchTime: number;
  /** `sums[i]`: the counts of `keys[i]` summed over the `spanBatches` batches to `batchTime`. */
  sums: number[];
}

/**
 * One point per input point from the `spanBatches`-th on (earlier ones would cover less than the
 * span and draw a false ramp); when the series is shorter than the span, every point with the
 * partial sums. Missing counts are zeros. `spanBatches` 1 gives the counts themselves.
 */
export function rollingSums(
  series: readonly HeldPoint[],
  keys: readonly string[],
  spanBatches: number,
): RollingPoint[] {
  const span = Math.max(1, Math.floor(spanBatches));
  const running = keys.map(() => 0);
  const out: RollingPoint[] = [];
  const firstFull = series.length >= span ? span - 1 : 0;
  series.forEach((point, position) => {
    const leaving = position >= span ? series[position - span] : undefined;
    keys.forEach((key, index) => {
      running[index]! += (point.counts.get(key) ?? 0) - (leaving?.counts.get(key) ?? 0);
    });
    if (position >= firstFull) out.push({ batchTime: point.batchTime, sums: [...running] });
  });
  return out;
}

/** How many batches make up `spanMs` (at least 1). */
export function spanInBatches(spanMs: number, batchIntervalMs: number): number {
  if (batchIntervalMs <= 0) return 1;
  return Math.max(1, Math.round(spanMs / batchIntervalMs));
}
