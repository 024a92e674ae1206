import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/manual-clock';
import type { DStream } from './dstream';
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

/** A graph using every stateful operator; `record` receives every output. */
function buildGraph(context: StreamingContext, input: Pair[][], record: (e: Emission) => void) {
  const pairs = context.queueStream(input);
  const outputs: [string, DStream<unknown>][] = [
    ['window', pairs.window(3000, 2000)],
    ['inverse', pairs.reduceByKeyAndWindow(add, subtract, 4000, 1000)],
    ['filtered', pairs.reduceByKeyAndWindow(add, subtract, 3000, 2000, (p) => p[1] !== 0)],
    ['plain', pairs.reduceByKeyAndWindow(add, 2000, 1000)],
    ['byValue', pairs.map(([key]) => key).countByValueAndWindow(5000, 1000)],
    ['count', pairs.countByWindow(3000, 1000)],
    ['sum', pairs.map(([, value]) => value).reduceByWindow(add, subtract, 2000, 2000)],
    ['state', pairs.updateStateByKey<string, number, number>((v, s) => v.reduce(add, s ?? 0))],
  ];
  for (const [output, stream] of outputs) {
    stream.foreachBatch((items, time) => record({ output, time, value: [...items] }));
  }
}

async function run(input: Pair[][], numBatches: number) {
  const clock = new ManualClock(0);
  const context = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
  const emissions: Emission[] = [];
  buildGraph(context, input, (emission) => emissions.push(emission));
  context.start();
  await clock.advance(numBatches * BATCH_MS);
  return { context, emissions };
}

/** Runs `before` batches, checkpoints through JSON, restores into a fresh graph, runs the rest. */
async function runWithRestart(input: Pair[][], before: number, total: number) {
  const first = await run(input, before);
  const checkpoint = JSON.parse(JSON.stringify(first.context.checkpoint())) as Checkpoint;
  first.context.stop();
  const clock = new ManualClock(before * BATCH_MS);
  const context = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
  const emissions: Emission[] = [];
  buildGraph(context, input, (emission) => emissions.push(emission));
  context.restore(checkpoint);
  context.start();
  await clock.advance((total - before) * BATCH_MS);
  return [...first.emissions, ...emissions];
}

const input: Pair[][] = [
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [['c', 4]],
  [],
  [
    ['b', 2],
    ['a', 1],
  ],
  [['c', 1]],
  [],
  [['a', 3]],
];

describe('checkpoint and restore', () => {
  it('continues with exactly the outputs of an uninterrupted run', async () => {
    const uninterrupted = await run(input, 12);
    expect(await runWithRestart(input, 5, 12)).toEqual(uninterrupted.emissions);
  });

  it('gives the same outputs whatever batch the checkpoint is taken at (property)', async () => {
    const batches = fc.array(
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 4 })), {
        maxLength: 4,
      }),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 0, max: 16 }), async (generated, before) => {
        const uninterrupted = await run(generated, 16);
        expect(await runWithRestart(generated, before, 16)).toEqual(uninterrupted.emissions);
      }),
      { numRuns: 60 },
    );
  });

  it('records the version, the batch clock and queue positions', async () => {
    const { context } = await run(input, 3);
    const checkpoint = context.checkpoint();
    expect(checkpoint.version).toBe(1);
    expect(checkpoint.zeroTime).toBe(0);
    expect(checkpoint.lastBatchTime).toBe(3000);
    expect(checkpoint.streams[0]).toMatchObject({ id: 0, state: 3 });
  });

  it('refuses a checkpoint of a different graph, naming the stream', async () => {
    const { context } = await run(input, 2);
    const checkpoint = context.checkpoint();
    const other = new StreamingContext({ batchIntervalMs: BATCH_MS, clock: new ManualClock(0) });
    other
      .queueStream(input)
      .window(4000, 2000)
      .foreachBatch(() => undefined);
    expect(() => other.restore(checkpoint)).toThrow(/stream #1 is .*"window".*3000.* here/);
  });

  it('refuses another batch interval and an unknown version', async () => {
    const { context } = await run(input, 2);
    const checkpoint = context.checkpoint();
    const slower = new StreamingContext({ batchIntervalMs: 2000, clock: new ManualClock(0) });
    expect(() => slower.restore(checkpoint)).toThrow(/batch interval is 1000 ms.*2000 ms/);
    const same = new StreamingContext({ batchIntervalMs: BATCH_MS, clock: new ManualClock(0) });
    buildGraph(same, input, () => undefined);
    const future = { ...checkpoint, version: 2 } as unknown as Checkpoint;
    expect(() => same.restore(future)).toThrow(/unsupported checkpoint version 2/);
  });

  it('refuses to restore once started', async () => {
    const { context } = await run(input, 1);
    expect(() => context.restore(context.checkpoint())).toThrow(/before start/);
  });

  it('can be taken from a batch listener but not inside a batch', async () => {
    const clock = new ManualClock(0);
    const context = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
    const failures: unknown[] = [];
    context.queueStream([[1]]).foreachBatch(() => {
      try {
        context.checkpoint();
      } catch (error) {
        failures.push(error);
      }
    });
    const lastTimes: (number | null)[] = [];
    context.onBatchCompleted(() => lastTimes.push(context.checkpoint().lastBatchTime));
    context.start();
    await clock.advance(2 * BATCH_MS);
    expect(lastTimes).toEqual([1000, 2000]);
    expect(failures).toHaveLength(2);
    expect(String(failures[0])).toMatch(/a batch is running/);
  });

  it('resumes at the next batch time after the checkpoint, catching up a clock ahead', async () => {
    const { context } = await run(input, 3);
    const checkpoint = context.checkpoint();
    const clock = new ManualClock(10_500);
    const resumed = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
    const times: number[] = [];
    buildGraph(resumed, input, (emission) => {
      if (emission.output === 'state') times.push(emission.time);
    });
    resumed.restore(checkpoint);
    resumed.start();
    await clock.advance(0);
    expect(times).toEqual([4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
  });
});
