import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/manual-clock';
import { StreamingContext } from './streaming-context';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;

function pairs() {
  const context = new StreamingContext({ batchIntervalMs: 1000, clock: new ManualClock(0) });
  return { context, stream: context.queueStream<[string, number]>([]) };
}

describe('definition-time validation', () => {
  it('rejects a window that is not a multiple of the parent slide, naming operator and values', () => {
    const { stream } = pairs();
    expect(() => stream.window(2500)).toThrow(
      "window: windowMs (2500 ms) must be a multiple of the parent stream's slide (1000 ms)",
    );
    expect(() => stream.window(2000, 1500)).toThrow(
      "window: slideMs (1500 ms) must be a multiple of the parent stream's slide (1000 ms)",
    );
  });

  it('checks windows against the slide of a windowed parent', () => {
    const { stream } = pairs();
    expect(() => stream.window(4000, 2000).window(5000, 2000)).toThrow(
      "window: windowMs (5000 ms) must be a multiple of the parent stream's slide (2000 ms)",
    );
  });

  it('names each windowed operator in its error', () => {
    const { stream } = pairs();
    const values = stream.map(([, value]) => value);
    expect(() => stream.reduceByKeyAndWindow(add, subtract, 1500, 1000)).toThrow(
      /^reduceByKeyAndWindow: windowMs \(1500 ms\)/,
    );
    expect(() => stream.reduceByKeyAndWindow(add, 3000, 700)).toThrow(
      /^reduceByKeyAndWindow: slideMs \(700 ms\)/,
    );
    expect(() => values.reduceByWindow(add, 2000, 1200)).toThrow(/^reduceByWindow: slideMs/);
    expect(() => values.reduceByWindow(add, subtract, 2100, 1000)).toThrow(
      /^reduceByWindow: windowMs/,
    );
    expect(() => values.countByWindow(2000, 999)).toThrow(/^countByWindow: slideMs \(999 ms\)/);
    expect(() => values.countByValueAndWindow(0)).toThrow(
      'countByValueAndWindow: windowMs must be a positive whole number of ms, got 0',
    );
  });

  it('rejects a union of streams with different slides', () => {
    const { stream } = pairs();
    expect(() => stream.union(stream.window(2000, 2000))).toThrow(
      'union: all streams must have the same slide, got 1000 ms and 2000 ms',
    );
  });

  it('rejects a bad batch interval and bad push bounds', () => {
    expect(() => new StreamingContext({ batchIntervalMs: 0 })).toThrow(
      'StreamingContext: batchIntervalMs must be a positive whole number of ms, got 0',
    );
    const { context } = pairs();
    expect(() => context.pushStream({ maxItemsPerBatch: -1 })).toThrow(/maxItemsPerBatch/);
    expect(() => context.pushStream({ maxRatePerSec: 0 })).toThrow(/maxRatePerSec/);
  });

  it('refuses to define streams or outputs after start', () => {
    const { context, stream } = pairs();
    stream.foreachBatch(() => undefined);
    context.start();
    expect(() => stream.map((pair) => pair)).toThrow(
      /^map: cannot define a stream after the context has started/,
    );
    expect(() => stream.foreachBatch(() => undefined)).toThrow(/^foreachBatch: cannot define/);
    expect(() => context.queueStream([])).toThrow(/^queueStream: cannot define/);
    context.stop();
  });

  it('refuses to start without an output, or twice', () => {
    const { context, stream } = pairs();
    expect(() => context.start()).toThrow(/no output registered/);
    stream.foreachBatch(() => undefined);
    context.start();
    expect(() => context.start()).toThrow(/the context is active/);
    context.stop();
  });
});
