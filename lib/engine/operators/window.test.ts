/**
 * `window`: ports of Spark Streaming's WindowOperationsSuite window tests (1 s batches; expected
 * outputs are Spark's). `reduceByWindow`: worked examples following Spark's definitions
 * (`reduce → window → reduce`, and the inverse form on a single key).
 */
import { describe, expect, it } from 'vitest';
import { runOperation } from '../test-support';

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;

describe('window (Spark WindowOperationsSuite)', () => {
  const input = [[0], [1], [2], [3], [4], [5]];

  it('covers (t - window, t] at every slide: basic window', async () => {
    expect(await runOperation(input, (s) => s.window(2000, 1000), 6)).toEqual([
      { time: 1000, value: [0] },
      { time: 2000, value: [0, 1] },
      { time: 3000, value: [1, 2] },
      { time: 4000, value: [2, 3] },
      { time: 5000, value: [3, 4] },
      { time: 6000, value: [4, 5] },
    ]);
  });

  it('tumbling window', async () => {
    expect(await runOperation(input, (s) => s.window(2000, 2000), 6)).toEqual([
      { time: 2000, value: [0, 1] },
      { time: 4000, value: [2, 3] },
      { time: 6000, value: [4, 5] },
    ]);
  });

  it('larger window', async () => {
    expect(await runOperation(input, (s) => s.window(4000, 2000), 6)).toEqual([
      { time: 2000, value: [0, 1] },
      { time: 4000, value: [0, 1, 2, 3] },
      { time: 6000, value: [2, 3, 4, 5] },
    ]);
  });

  it('non-overlapping window', async () => {
    expect(await runOperation(input, (s) => s.window(2000, 3000), 6)).toEqual([
      { time: 3000, value: [1, 2] },
      { time: 6000, value: [4, 5] },
    ]);
  });

  it('keeps firing and drains after input stops', async () => {
    expect(await runOperation([[1], [2]], (s) => s.window(2000), 4)).toEqual([
      { time: 1000, value: [1] },
      { time: 2000, value: [1, 2] },
      { time: 3000, value: [2] },
      { time: 4000, value: [] },
    ]);
  });
});

describe('reduceByWindow', () => {
  const input = [[1], [2, 3], [4], [], [], [5]];

  it('reduces the window, nothing for an empty window', async () => {
    expect(await runOperation(input, (s) => s.reduceByWindow(add, 2000, 1000), 6)).toEqual([
      { time: 1000, value: [1] },
      { time: 2000, value: [6] },
      { time: 3000, value: [9] },
      { time: 4000, value: [4] },
      { time: 5000, value: [] },
      { time: 6000, value: [5] },
    ]);
  });

  it('with an inverse function keeps emitting once started, 0 for an empty window', async () => {
    expect(
      await runOperation(input, (s) => s.reduceByWindow(add, subtract, 2000, 1000), 6),
    ).toEqual([
      { time: 1000, value: [1] },
      { time: 2000, value: [6] },
      { time: 3000, value: [9] },
      { time: 4000, value: [4] },
      { time: 5000, value: [0] },
      { time: 6000, value: [5] },
    ]);
  });

  it('fires only at multiples of the slide', async () => {
    expect(
      await runOperation(input, (s) => s.reduceByWindow(add, subtract, 3000, 2000), 6),
    ).toEqual([
      { time: 2000, value: [6] },
      { time: 4000, value: [9] },
      { time: 6000, value: [5] },
    ]);
  });
});
