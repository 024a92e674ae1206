/**
 * Ports of Spark Streaming's BasicOperationsSuite (1 s batches, ManualClock from 0): the same
 * inputs, operations and expected outputs, stated per batch.
 */
import { describe, expect, it } from 'vitest';
import { runOperation, sortedValues } from '../test-support';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);
const add = (a: number, b: number): number => a + b;

describe('basic operations (Spark BasicOperationsSuite)', () => {
  const numbers = [range(1, 4), range(5, 8), range(9, 12)];

  it('maps every item', async () => {
    expect(await runOperation(numbers, (s) => s.map((x) => String(x)), 3)).toEqual([
      { time: 1000, value: ['1', '2', '3', '4'] },
      { time: 2000, value: ['5', '6', '7', '8'] },
      { time: 3000, value: ['9', '10', '11', '12'] },
    ]);
  });

  it('flat-maps every item to several', async () => {
    expect(await runOperation(numbers, (s) => s.flatMap((x) => [x, x * 2]), 3)).toEqual([
      { time: 1000, value: [1, 2, 2, 4, 3, 6, 4, 8] },
      { time: 2000, value: [5, 10, 6, 12, 7, 14, 8, 16] },
      { time: 3000, value: [9, 18, 10, 20, 11, 22, 12, 24] },
    ]);
  });

  it('keeps the items a predicate accepts', async () => {
    expect(await runOperation(numbers, (s) => s.filter((x) => x % 2 === 0), 3)).toEqual([
      { time: 1000, value: [2, 4] },
      { time: 2000, value: [6, 8] },
      { time: 3000, value: [10, 12] },
    ]);
  });

  it('reduces each batch to one item', async () => {
    expect(await runOperation(numbers, (s) => s.reduce(add), 3)).toEqual([
      { time: 1000, value: [10] },
      { time: 2000, value: [26] },
      { time: 3000, value: [42] },
    ]);
  });

  it('emits nothing for an empty batch when reducing', async () => {
    expect(await runOperation([[1], []], (s) => s.reduce(add), 2)).toEqual([
      { time: 1000, value: [1] },
      { time: 2000, value: [] },
    ]);
  });

  it('counts each batch, 0 for an empty one', async () => {
    const input = [[], range(1, 1), range(1, 2), range(1, 3), range(1, 4)];
    expect(await runOperation(input, (s) => s.count(), 5)).toEqual([
      { time: 1000, value: [0] },
      { time: 2000, value: [1] },
      { time: 3000, value: [2] },
      { time: 4000, value: [3] },
      { time: 5000, value: [4] },
    ]);
  });

  it('counts each batch by value', async () => {
    const input = [[1], [1, 1, 1], [1, 2], [1, 1, 2, 2]];
    const output = await runOperation(input, (s) => s.countByValue(), 4);
    expect(sortedValues(output)).toEqual([
      { time: 1000, value: [[1, 1]] },
      { time: 2000, value: [[1, 3]] },
      {
        time: 3000,
        value: [
          [1, 1],
          [2, 1],
        ],
      },
      {
        time: 4000,
        value: [
          [1, 2],
          [2, 2],
        ],
      },
    ]);
  });

  it('reduces each batch by key', async () => {
    const input = [['a', 'a', 'b'], ['', ''], []];
    const output = await runOperation(
      input,
      (s) => s.map((x): [string, number] => [x, 1]).reduceByKey(add),
      3,
    );
    expect(sortedValues(output)).toEqual([
      {
        time: 1000,
        value: [
          ['a', 2],
          ['b', 1],
        ],
      },
      { time: 2000, value: [['', 2]] },
      { time: 3000, value: [] },
    ]);
  });

  it('unions two streams batch by batch', async () => {
    const input = [range(1, 4), range(101, 104), range(201, 204)];
    const output = await runOperation(input, (s) => s.union(s.map((x) => x + 4)), 3);
    expect(output).toEqual([
      { time: 1000, value: range(1, 8) },
      { time: 2000, value: range(101, 108) },
      { time: 3000, value: range(201, 208) },
    ]);
  });

  it('transforms each whole batch', async () => {
    const output = await runOperation(
      numbers,
      (s) => s.transform((items) => items.map((x) => String(x))),
      3,
    );
    expect(output).toEqual([
      { time: 1000, value: ['1', '2', '3', '4'] },
      { time: 2000, value: ['5', '6', '7', '8'] },
      { time: 3000, value: ['9', '10', '11', '12'] },
    ]);
  });

  it('passes the batch time to transform', async () => {
    const output = await runOperation([[1], [2]], (s) => s.transform((_items, time) => [time]), 2);
    expect(output).toEqual([
      { time: 1000, value: [1000] },
      { time: 2000, value: [2000] },
    ]);
  });
});
