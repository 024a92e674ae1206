/**
 * Ports of Spark Streaming's BasicOperationsSuite (1 s batches, ManualClock from 0): the same
 * inputs, operations and expected outputs, stated per batch.
 */
import { describe, expect, it } from 'vitest';
import { runOperation, sortedValues } from '../test-support';

const add = (a: number, b: number): number => a + b;

describe('updateStateByKey (Spark BasicOperationsSuite)', () => {
  it('keeps a running count per key', async () => {
    const input = [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b'], ['a'], []];
    const output = await runOperation(
      input,
      (s) =>
        s
          .map((x): [string, number] => [x, 1])
          .updateStateByKey<string, number, number>(
            (values, state) => values.reduce(add, 0) + (state ?? 0),
          ),
      6,
    );
    expect(sortedValues(output)).toEqual([
      { time: 1000, value: [['a', 1]] },
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
          ['a', 3],
          ['b', 2],
          ['c', 1],
        ],
      },
      {
        time: 4000,
        value: [
          ['a', 4],
          ['b', 3],
          ['c', 1],
        ],
      },
      {
        time: 5000,
        value: [
          ['a', 5],
          ['b', 3],
          ['c', 1],
        ],
      },
      {
        time: 6000,
        value: [
          ['a', 5],
          ['b', 3],
          ['c', 1],
        ],
      },
    ]);
  });

  it('removes a key whose update returns undefined (object lifecycle)', async () => {
    interface Counter {
      counter: number;
      expireCounter: number;
    }
    // Clears a state seen without new values twice in a row.
    const update = (values: number[], state: Counter | undefined): Counter | undefined => {
      const next = { ...(state ?? { counter: 0, expireCounter: 0 }) };
      const sum = values.reduce(add, 0);
      if (sum === 0) next.expireCounter += 1;
      else {
        next.counter += sum;
        next.expireCounter = 0;
      }
      return next.expireCounter === 2 ? undefined : next;
    };
    const input = [['a', 'b'], [], ['a', 'c', 'a'], ['c'], [], []];
    const output = await runOperation(
      input,
      (s) =>
        s
          .map((x): [string, number] => [x, 1])
          .updateStateByKey(update)
          .map(([key, state]): [string, number] => [key, state.counter]),
      6,
    );
    expect(sortedValues(output)).toEqual([
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
          ['a', 1],
          ['b', 1],
        ],
      },
      {
        time: 3000,
        value: [
          ['a', 3],
          ['c', 1],
        ],
      },
      {
        time: 4000,
        value: [
          ['a', 3],
          ['c', 2],
        ],
      },
      { time: 5000, value: [['c', 2]] },
      { time: 6000, value: [] },
    ]);
  });
});
