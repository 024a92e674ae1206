/** The scales of a small chart drawn without a chart library (`CompactLineChart`). Pure. */

/**
 * The ticks of a count axis from 0: whole numbers a round step apart (1, 2 or 5 times a power of
 * ten), the last one at least `max`, at most `maxSteps` steps. `[0, 1]` for nothing to show.
 */
export function countTicks(max: number, maxSteps = 3): number[] {
  const top = Math.max(1, Math.ceil(Number.isFinite(max) ? max : 0));
  const steps = Math.max(1, Math.floor(maxSteps));
  const rough = top / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((factor) => factor * power).find((s) => s >= rough)!,
  );
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * The place of the value nearest to `x` in ascending `xs` (the earlier of two as near); -1 when
 * there is none.
 */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (!xs.length) return -1;
  let low = 0;
  let high = xs.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (xs[middle]! < x) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && x - xs[low - 1]! <= xs[low]! - x) return low - 1;
  return low;
}

/** Where `value` falls between `from` and `to`, as a fraction (0 when the span is empty). */
export function fractionOf(value: number, from: number, to: number): number {
  return to > from ? (value - from) / (to - from) : 0;
}
