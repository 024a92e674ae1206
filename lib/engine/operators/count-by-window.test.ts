/**
 * Ports of Spark Streaming's WindowOperationsSuite counting tests (1 s batches, window 2 s,
 * slide 1 s; expected outputs are Spark's), plus the zero-dropping rule of countByValueAndWindow.
 */
import { describe, expect, it } from 'vitest';
import { runOperation, sortedValues } from '../test-support';

describe('counting windows (Spark WindowOperationsSuite)', () => {
  it('countByWindow counts the items in the window and reaches 0', async () => {
    const input = [[1], [1], [1, 2], [0], [], []];
    expect(await runOperation(input, (s) => s.countByWindow(2000, 1000), 6)).toEqual([
      { time: 1000, value: [1] },
      { time: 2000, value: [2] },
      { time: 3000, value: [3] },
      { time: 4000, value: [3] },
      { time: 5000, value: [1] },
      { time: 6000, value: [0] },
    ]);
  });

  it('countByValueAndWindow counts each value in the window', async () => {
    const input = [['a'], ['b', 'b'], ['a', 'b']];
    const output = await runOperation(input, (s) => s.countByValueAndWindow(2000, 1000), 3);
    expect(sortedValues(output)).toEqual([
      { time: 1000, value: [['a', 1]] },
      {
        time: 2000,
        value: [
          ['a', 1],
          ['b', 2],
        ],
      },
      {
        time: 3000,
        value: [
          ['a', 1],
          ['b', 3],
        ],
      },
    ]);
  });

  it('countByValueAndWindow drops values whose count reaches zero', async () => {
    const input = [['a'], ['b'], [], []];
    const output = await runOperation(input, (s) => s.countByValueAndWindow(2000), 4);
    expect(sortedValues(output)).toEqual([
      { time: 1000, value: [['a', 1]] },
      {
        time: 2000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
      { time: 3000, value: [['b', 1]] },
      { time: 4000, value: [] },
    ]);
  });
});
