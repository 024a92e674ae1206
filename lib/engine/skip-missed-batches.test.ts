import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/manual-clock';
import { StreamingContext } from './streaming-context';
import type { Checkpoint } from './types';

type Pair = [string, number];
const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const BATCH_MS = 1000;

interface Emission {
  output: string;
  time: number;
  value: unknown[];
}

/** Windows over a push input; items for batch k (1-based) are pushed just before it runs. */
function build(context: StreamingContext, emissions: Emission[]) {
  const input = context.pushStream<Pair>();
  input
    .reduceByKeyAndWindow(add, subtract, 4000, 1000, (pair) => pair[1] > 0)
    .foreachBatch((items, time) => emissions.push({ output: 'window', time, value: [...items] }));
  input
    .countByWindow(3000, 1000)
    .foreachBatch((items, time) => emissions.push({ output: 'count', time, value: [...items] }));
  return input;
}

async function feed(
  clock: ManualClock,
  input: { push(item: Pair): boolean },
  batches: Map<number, Pair[]>,
  untilMs: number,
) {
  while (clock.now() < untilMs) {
    const next = Math.floor(clock.now() / BATCH_MS) * BATCH_MS + BATCH_MS;
    for (const pair of batches.get(next) ?? []) input.push(pair);
    await clock.advanceTo(next);
  }
}

const posts = new Map<number, Pair[]>([
  [1000, [['a', 1]]],
  [
    2000,
    [
      ['a', 2],
      ['b', 1],
    ],
  ],
  [3000, [['c', 4]]],
  [9000, [['b', 2]]],
  [10_000, [['a', 1]]],
]);

describe('skipMissedBatches', () => {
  it('treats batches missed while down as empty, keeping earlier counts in the windows', async () => {
    const clock = new ManualClock(0);
    const context = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
    const uninterrupted: Emission[] = [];
    const input = build(context, uninterrupted);
    context.start();
    await feed(clock, input, posts, 12_000);

    const firstClock = new ManualClock(0);
    const first = new StreamingContext({ batchIntervalMs: BATCH_MS, clock: firstClock });
    const before: Emission[] = [];
    const firstInput = build(first, before);
    first.start();
    await feed(firstClock, firstInput, posts, 3000);
    const checkpoint = JSON.parse(JSON.stringify(first.checkpoint())) as Checkpoint;
    first.stop();

    // Down from 3 s to 5.5 s: batches 4 and 5 are missed; the next one runs at 6 s.
    const secondClock = new ManualClock(5500);
    const second = new StreamingContext({ batchIntervalMs: BATCH_MS, clock: secondClock });
    const after: Emission[] = [];
    const secondInput = build(second, after);
    second.restore(checkpoint);
    expect(second.skipMissedBatches(secondClock.now())).toBe(2);
    second.start();
    await secondClock.advanceTo(5999);
    expect(after).toEqual([]);
    await feed(secondClock, secondInput, posts, 12_000);

    const expected = uninterrupted.filter((emission) => emission.time >= 6000);
    expect(after).toEqual(expected);
    // At 6 s the 4 s window still holds batch 3's `c` (counted before the stop).
    expect(after[0]).toEqual({ output: 'window', time: 6000, value: [['c', 4]] });
    expect(before.length).toBeGreaterThan(0);
  });

  it('skips nothing when the clock has not passed the next batch', async () => {
    const clock = new ManualClock(0);
    const context = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
    build(context, []);
    context.start();
    await clock.advance(2000);
    const checkpoint = context.checkpoint();
    const restored = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
    build(restored, []);
    restored.restore(checkpoint);
    expect(restored.skipMissedBatches(2999)).toBe(0);
    expect(restored.lastBatch).toBe(2000);
  });
});
