import { expect } from 'vitest';
import { seededRandom } from '../../seeded-random';
import type { SpaceSaving } from './space-saving';

export { seededRandom };

/** Weighted offers: `[key, weight]`. */
export type Offer = [key: number, weight: number];

export function exactCounts(offers: Offer[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [key, weight] of offers) counts.set(key, (counts.get(key) ?? 0) + weight);
  return counts;
}

export function summarize(summary: SpaceSaving<number>, offers: Offer[]): SpaceSaving<number> {
  for (const [key, weight] of offers) summary.offer(key, weight);
  return summary;
}

/**
 * Asserts the Space-Saving guarantees against exact counts, with `errorBound` the most any
 * error may be (N / capacity for a single summary).
 */
export function expectBounds(
  summary: SpaceSaving<number>,
  exact: Map<number, number>,
  errorBound: number,
): void {
  expect(summary.size).toBeLessThanOrEqual(summary.capacity);
  for (const { key, count, error } of summary.entries()) {
    const trueCount = exact.get(key) ?? 0;
    expect(count).toBeGreaterThanOrEqual(trueCount);
    expect(count - error).toBeLessThanOrEqual(trueCount);
    expect(error).toBeGreaterThanOrEqual(0);
    expect(error).toBeLessThanOrEqual(errorBound);
  }
  for (const [key, trueCount] of exact) {
    if (trueCount > errorBound) expect(summary.estimate(key)).toBeDefined();
  }
}

/** `length` offers of weight 1 over `distinctKeys` keys, key of rank r drawn ∝ 1 / r^exponent. */
export function zipfOffers(
  length: number,
  distinctKeys: number,
  exponent: number,
  seed: number,
): Offer[] {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= distinctKeys; rank++) {
    sum += 1 / rank ** exponent;
    cumulative.push(sum);
  }
  const random = seededRandom(seed);
  return Array.from({ length }, (): Offer => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return [low, 1];
  });
}
