/**
 * Tick positions for a time axis, chosen by us rather than by the chart library: left to itself,
 * recharts measures the text of every candidate tick in the DOM (a forced layout each) to drop
 * overlapping ones, which on a 180-point live series cost more than drawing the chart. Pure.
 */

/** Steps a tick may fall on, shortest first: each tick is a multiple of the step (epoch ms). */
const TICK_STEPS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/**
 * At most `maxTicks` round times (multiples of the shortest step that allows it) between
 * `firstMs` and `lastMs`, inclusive, ascending. None for an empty or inverted span.
 */
export function timeTicks(firstMs: number, lastMs: number, maxTicks = 4): number[] {
  if (!(lastMs > firstMs) || maxTicks < 1) return [];
  const spanMs = lastMs - firstMs;
  const stepMs =
    TICK_STEPS_MS.find((step) => Math.floor(spanMs / step) + 1 <= maxTicks) ??
    Math.ceil(spanMs / maxTicks / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let tick = Math.ceil(firstMs / stepMs) * stepMs; tick <= lastMs; tick += stepMs) {
    ticks.push(tick);
  }
  return ticks.slice(0, maxTicks);
}
