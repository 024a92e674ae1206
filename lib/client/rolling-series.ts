/**
 * Rolling sums over the per-batch series: per-batch counts of a tag are small and jumpy (0, 3,
 * 1, 0 …); summed over a span of batches they show the trend. Pure.
 */
import type { SeriesPoint } from '@/lib/protocol';

export interface RollingPoint {
  batchTime: number;
  /** Sum of each key's counts over the `spanBatches` batches ending at `batchTime`. */
  sums: Record<string, number>;
}

/**
 * One point per input point from the `spanBatches`-th on (earlier ones would cover less than the
 * span and draw a false ramp); when the series is shorter than the span, every point with the
 * partial sums. Missing counts are zeros. `spanBatches` 1 gives the counts themselves.
 */
export function rollingSums(
  series: readonly SeriesPoint[],
  keys: readonly string[],
  spanBatches: number,
): RollingPoint[] {
  const span = Math.max(1, Math.floor(spanBatches));
  const running = Object.fromEntries(keys.map((key) => [key, 0]));
  const out: RollingPoint[] = [];
  const firstFull = series.length >= span ? span - 1 : 0;
  series.forEach((point, position) => {
    const leaving = position >= span ? series[position - span] : undefined;
    for (const key of keys) {
      running[key] = running[key]! + (point.counts[key] ?? 0) - (leaving?.counts[key] ?? 0);
    }
    if (position >= firstFull) out.push({ batchTime: point.batchTime, sums: { ...running } });
  });
  return out;
}

/** How many batches make up `spanMs` (at least 1). */
export function spanInBatches(spanMs: number, batchIntervalMs: number): number {
  if (batchIntervalMs <= 0) return 1;
  return Math.max(1, Math.round(spanMs / batchIntervalMs));
}
