import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/manual-clock';
import { StreamingContext } from './streaming-context';
import type { BatchInfo } from './types';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;

function createContext(batchIntervalMs = 1000) {
  const clock = new ManualClock(0);
  return { clock, context: new StreamingContext({ batchIntervalMs, clock }) };
}

describe('StreamingContext', () => {
  it('runs batches at zero + k * batchIntervalMs with what was pushed before each', async () => {
    const { clock, context } = createContext(2000);
    const words = context.pushStream<string>();
    const seen: { time: number; value: string[] }[] = [];
    words.foreachBatch((items, time) => seen.push({ time, value: [...items] }));
    context.start();
    words.push('a');
    words.push('b');
    await clock.advance(2000);
    words.push('c');
    await clock.advance(4000);
    expect(seen).toEqual([
      { time: 2000, value: ['a', 'b'] },
      { time: 4000, value: ['c'] },
      { time: 6000, value: [] },
    ]);
  });

  it('starts the batch grid at the clock time of start()', async () => {
    const clock = new ManualClock(500);
    const context = new StreamingContext({ batchIntervalMs: 1000, clock });
    const times: number[] = [];
    context.queueStream([[1]]).foreachBatch((_items, time) => times.push(time));
    context.start();
    await clock.advance(2000);
    expect(times).toEqual([1500, 2500]);
  });

  it('counts words per window incrementally over pushed items', async () => {
    const { clock, context } = createContext(1000);
    const lines = context.pushStream<string>();
    const counts: { time: number; value: [string, number][] }[] = [];
    lines
      .flatMap((line) => line.split(' '))
      .map((word): [string, number] => [word, 1])
      .reduceByKeyAndWindow(add, subtract, 2000, 1000)
      .foreachBatch((items, time) => counts.push({ time, value: [...items] }));
    context.start();
    lines.push('a b');
    await clock.advance(1000);
    lines.push('a');
    await clock.advance(1000);
    await clock.advance(1000);
    expect(counts).toEqual([
      {
        time: 1000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
      {
        time: 2000,
        value: [
          ['a', 2],
          ['b', 1],
        ],
      },
      {
        time: 3000,
        value: [
          ['a', 1],
          ['b', 0],
        ],
      },
    ]);
  });

  it('reports batch metrics to listeners', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>();
    input.foreachBatch(() => undefined);
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    input.push(1);
    input.push(2);
    await clock.advance(2000);
    expect(infos.map((info) => [info.batchTime, info.numRecords, info.droppedRecords])).toEqual([
      [1000, 2, 0],
      [2000, 0, 0],
    ]);
    expect(infos[0].schedulingDelayMs).toBe(0);
    expect(infos[0].totalDelayMs).toBe(infos[0].processingDelayMs);
  });
});

describe('StreamingContext backpressure', () => {
  it('drops items beyond maxItemsPerBatch and counts them in the batch metrics', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>({ maxItemsPerBatch: 3 });
    const batches: number[][] = [];
    input.foreachBatch((items) => batches.push([...items]));
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    const accepted = [1, 2, 3, 4, 5].map((item) => input.push(item));
    await clock.advance(1000);
    input.push(6);
    await clock.advance(1000);
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(batches).toEqual([[1, 2, 3], [6]]);
    expect(infos.map((info) => [info.numRecords, info.droppedRecords])).toEqual([
      [3, 2],
      [1, 0],
    ]);
  });

  it('turns maxRatePerSec into a per-batch bound', () => {
    const { context } = createContext(2000);
    expect(context.pushStream({ maxRatePerSec: 5 }).maxItemsPerBatch).toBe(10);
    expect(context.pushStream({ maxRatePerSec: 5, maxItemsPerBatch: 4 }).maxItemsPerBatch).toBe(4);
  });
});

describe('StreamingContext failures and stop', () => {
  it('reports an exception thrown in a batch, skips its output and keeps running', async () => {
    const { clock, context } = createContext(1000);
    const input = context.queueStream([[1], [2, -1], [3]]);
    const sums: { time: number; value: number[] }[] = [];
    input
      .map((x) => {
        if (x < 0) throw new Error('negative');
        return x;
      })
      .reduceByWindow(add, subtract, 2000, 1000)
      .foreachBatch((items, time) => sums.push({ time, value: [...items] }));
    const raw: number[][] = [];
    input.foreachBatch((items) => raw.push([...items]));
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    await clock.advance(4000);
    expect(infos.map((info) => (info.error as Error | undefined)?.message)).toEqual([
      undefined,
      'negative',
      undefined,
      undefined,
    ]);
    // The failed batch's values are lost; windows stay consistent afterwards.
    expect(sums).toEqual([
      { time: 1000, value: [1] },
      { time: 3000, value: [3] },
      { time: 4000, value: [3] },
    ]);
    expect(raw).toEqual([[1], [2, -1], [3], []]);
  });

  it('rebuilds incremental window state after an inverse function throws', async () => {
    const { clock, context } = createContext(1000);
    let failOnce = true;
    const flakySubtract = (a: number, b: number): number => {
      if (failOnce) {
        failOnce = false;
        throw new Error('flaky');
      }
      return a - b;
    };
    const counts: { time: number; value: [string, number][] }[] = [];
    context
      .queueStream<[string, number]>([[['a', 1]], [['b', 1]], [['a', 1]], []])
      .reduceByKeyAndWindow(add, flakySubtract, 2000, 1000)
      .foreachBatch((items, time) => counts.push({ time, value: [...items] }));
    const errors: unknown[] = [];
    context.onBatchCompleted((info) => info.error && errors.push(info.error));
    context.start();
    await clock.advance(5000);
    expect(errors).toHaveLength(1);
    expect(counts).toEqual([
      { time: 1000, value: [['a', 1]] },
      {
        time: 2000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
      {
        time: 4000,
        value: [
          ['b', 0],
          ['a', 1],
        ],
      },
      {
        time: 5000,
        value: [
          ['b', 0],
          ['a', 0],
        ],
      },
    ]);
  });

  it('keeps running when a listener throws', async () => {
    const { clock, context } = createContext(1000);
    context.queueStream([[1]]).foreachBatch(() => undefined);
    const times: number[] = [];
    context.onBatchCompleted(() => {
      throw new Error('listener');
    });
    context.onBatchCompleted((info) => times.push(info.batchTime));
    context.start();
    await clock.advance(2000);
    expect(times).toEqual([1000, 2000]);
  });

  it('stops scheduling batches and refuses pushes after stop()', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>();
    const times: number[] = [];
    input.foreachBatch((_items, time) => {
      times.push(time);
      if (time === 2000) context.stop();
    });
    context.start();
    await clock.advance(5000);
    expect(times).toEqual([1000, 2000]);
    expect(context.state).toBe('stopped');
    expect(input.push(1)).toBe(false);
    expect(clock.pendingCount).toBe(0);
  });
});

describe('StreamingContext memoisation', () => {
  it('computes a stream once per batch however many children read it', async () => {
    const { clock, context } = createContext(1000);
    let calls = 0;
    const doubled = context.queueStream([[1, 2], [3]]).map((x) => {
      calls++;
      return x * 2;
    });
    doubled.foreachBatch(() => undefined);
    doubled.count().foreachBatch(() => undefined);
    doubled.window(3000).foreachBatch(() => undefined);
    context.start();
    await clock.advance(4000);
    expect(calls).toBe(3);
  });

  it('keeps only the batches that windows still need', async () => {
    const { clock, context } = createContext(1000);
    const input = context.queueStream(Array.from({ length: 30 }, (_, index) => [index]));
    input.window(3000, 1000).foreachBatch(() => undefined);
    input.map((x) => x).foreachBatch(() => undefined);
    context.start();
    await clock.advance(30_000);
    const kept = context.checkpoint().streams.map((stream) => stream.memo.map(([time]) => time));
    expect(kept).toEqual([[28_000, 29_000, 30_000], [], []]);
  });
});

describe('shared panes', () => {
  it('reduces each batch once for several windows with the same function', () => {
    const { context } = createContext(1000);
    const pairs = context.queueStream<[string, number]>([]);
    for (const windowMs of [2000, 4000, 8000]) {
      pairs.reduceByKeyAndWindow(add, subtract, windowMs).foreachBatch(() => undefined);
    }
    const reduced = pairs.reduceByKey(add);
    reduced.reduceByKeyAndWindow(add, subtract, 4000).foreachBatch(() => undefined);
    const kinds = context.checkpoint().graph.map((entry) => `${entry.kind}<${entry.parents}`);
    expect(kinds).toEqual([
      'queueStream<',
      'reduceByKey<0',
      'reduceByKeyAndWindow<1',
      'reduceByKeyAndWindow<1',
      'reduceByKeyAndWindow<1',
      'reduceByKey<0',
      'reduceByKeyAndWindow<5',
      'foreachBatch<2',
      'foreachBatch<3',
      'foreachBatch<4',
      'foreachBatch<6',
    ]);
  });
});
