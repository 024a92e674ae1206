/**
 * Every incremental windowed operator equals a naive recomputation from the raw input, for
 * random inputs, window lengths and slides (multiples of the 1 s batch interval).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOperation, sortedValues, SECOND_MS } from '../test-support';

type Pair = [string, number];
const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const nonZero = (pair: Pair): boolean => pair[1] !== 0;

const pairBatches = fc.array(
  fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 5 })), {
    maxLength: 6,
  }),
  { minLength: 1, maxLength: 20 },
);
const windowAndSlide = fc.record({
  windowMs: fc.integer({ min: 1, max: 6 }).map((batches) => batches * SECOND_MS),
  slideMs: fc.integer({ min: 1, max: 4 }).map((batches) => batches * SECOND_MS),
});

/** Firing times of a window stream, enough to see every window drain after the input. */
function firingTimes(numInputBatches: number, windowMs: number, slideMs: number): number[] {
  const lastMs = (numInputBatches * SECOND_MS + windowMs + slideMs) | 0;
  const times: number[] = [];
  for (let time = slideMs; time <= lastMs; time += slideMs) times.push(time);
  return times;
}

/** The raw items of the batches in `(time - windowMs, time]` (batch k is at k seconds). */
function itemsInWindow<T>(input: T[][], time: number, windowMs: number): T[] {
  return input
    .filter((_, index) => {
      const batchTime = (index + 1) * SECOND_MS;
      return batchTime > time - windowMs && batchTime <= time;
    })
    .flat();
}

function sumByKey(pairs: Pair[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, value] of pairs) sums.set(key, (sums.get(key) ?? 0) + value);
  return sums;
}

/** Naive reduceByKeyAndWindow with inverse: every key seen in some window so far, sum or 0. */
function naiveInverse(input: Pair[][], windowMs: number, slideMs: number, filtered: boolean) {
  const seen = new Set<string>();
  return firingTimes(input.length, windowMs, slideMs).map((time) => {
    const sums = sumByKey(itemsInWindow(input, time, windowMs));
    for (const key of sums.keys()) seen.add(key);
    const keys = filtered ? [...sums.keys()] : [...seen];
    return { time, value: keys.map((key): Pair => [key, sums.get(key) ?? 0]) };
  });
}

const numBatchesFor = (length: number, windowMs: number, slideMs: number): number =>
  firingTimes(length, windowMs, slideMs).at(-1)! / SECOND_MS;

describe('incremental windows equal a naive recomputation', () => {
  it('reduceByKeyAndWindow with inverse (keys stay at 0)', async () => {
    await fc.assert(
      fc.asyncProperty(pairBatches, windowAndSlide, async (input, { windowMs, slideMs }) => {
        const numBatches = numBatchesFor(input.length, windowMs, slideMs);
        const output = await runOperation(
          input,
          (s) => s.reduceByKeyAndWindow(add, subtract, windowMs, slideMs),
          numBatches,
        );
        expect(sortedValues(output)).toEqual(
          sortedValues(naiveInverse(input, windowMs, slideMs, false)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('reduceByKeyAndWindow with inverse and filter, and without inverse', async () => {
    await fc.assert(
      fc.asyncProperty(pairBatches, windowAndSlide, async (input, { windowMs, slideMs }) => {
        const numBatches = numBatchesFor(input.length, windowMs, slideMs);
        const expected = sortedValues(naiveInverse(input, windowMs, slideMs, true));
        const filtered = await runOperation(
          input,
          (s) => s.reduceByKeyAndWindow(add, subtract, windowMs, slideMs, nonZero),
          numBatches,
        );
        const naive = await runOperation(
          input,
          (s) => s.reduceByKeyAndWindow(add, windowMs, slideMs),
          numBatches,
        );
        expect(sortedValues(filtered)).toEqual(expected);
        expect(sortedValues(naive)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('countByValueAndWindow', async () => {
    await fc.assert(
      fc.asyncProperty(pairBatches, windowAndSlide, async (pairs, { windowMs, slideMs }) => {
        const input = pairs.map((batch) => batch.map(([key]) => key));
        const numBatches = numBatchesFor(input.length, windowMs, slideMs);
        const output = await runOperation(
          input,
          (s) => s.countByValueAndWindow(windowMs, slideMs),
          numBatches,
        );
        const ones = input.map((batch) => batch.map((key): Pair => [key, 1]));
        expect(sortedValues(output)).toEqual(
          sortedValues(naiveInverse(ones, windowMs, slideMs, true)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('reduceByWindow with inverse and countByWindow', async () => {
    await fc.assert(
      fc.asyncProperty(pairBatches, windowAndSlide, async (pairs, { windowMs, slideMs }) => {
        const input = pairs.map((batch) => batch.map(([, value]) => value));
        const numBatches = numBatchesFor(input.length, windowMs, slideMs);
        let started = false;
        const expectedSums: { time: number; value: number[] }[] = [];
        const expectedCounts: { time: number; value: number[] }[] = [];
        for (const time of firingTimes(input.length, windowMs, slideMs)) {
          const items = itemsInWindow(input, time, windowMs);
          started ||= items.length > 0;
          expectedSums.push({ time, value: started ? [items.reduce(add, 0)] : [] });
          expectedCounts.push({ time, value: started ? [items.length] : [] });
        }
        const sums = await runOperation(
          input,
          (s) => s.reduceByWindow(add, subtract, windowMs, slideMs),
          numBatches,
        );
        const counts = await runOperation(
          input,
          (s) => s.countByWindow(windowMs, slideMs),
          numBatches,
        );
        expect(sums).toEqual(expectedSums);
        expect(counts).toEqual(expectedCounts);
      }),
      { numRuns: 150 },
    );
  });

  it('window holds exactly the batches in (t - window, t]', async () => {
    await fc.assert(
      fc.asyncProperty(pairBatches, windowAndSlide, async (input, { windowMs, slideMs }) => {
        const numBatches = numBatchesFor(input.length, windowMs, slideMs);
        const output = await runOperation(input, (s) => s.window(windowMs, slideMs), numBatches);
        const expected = firingTimes(input.length, windowMs, slideMs).map((time) => ({
          time,
          value: itemsInWindow(input, time, windowMs),
        }));
        expect(output).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
