/**
 * Ports of Spark Streaming's WindowOperationsSuite: 1 s batches, window 2 s and slide 1 s unless
 * stated, `numBatches = expected outputs × (slide / batch)`. Expected outputs are Spark's.
 */
import { describe, expect, it } from 'vitest';
import type { DStream } from '../dstream';
import { runOperation, sortedValues, SECOND_MS } from '../test-support';

type Pair = [string, number];
const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const nonZero = (pair: Pair): boolean => pair[1] !== 0;

const bigInput: Pair[][] = [
  [['a', 1]],
  [
    ['a', 1],
    ['b', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
    ['c', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
  ],
  [['a', 1]],
  [],
  [['a', 1]],
  [
    ['a', 1],
    ['b', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
    ['c', 1],
  ],
  [
    ['a', 1],
    ['b', 1],
  ],
  [['a', 1]],
  [],
];

const bigReduceOutput: Pair[][] = [
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
  ],
  [['a', 1]],
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
  ],
  [['a', 1]],
];

const bigReduceInvOutput: Pair[][] = [
  [['a', 1]],
  [
    ['a', 2],
    ['b', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 2],
    ['c', 1],
  ],
  [
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ],
  [
    ['a', 1],
    ['b', 0],
    ['c', 0],
  ],
];

const largerSlideInput: Pair[][] = [
  [['a', 1]],
  [['a', 2]], // 1st window from here
  [['a', 3]],
  [['a', 4]], // 2nd window from here
  [['a', 5]],
  [['a', 6]], // 3rd window from here
  [],
  [], // 4th window from here
];
const largerSlideReduceOutput: Pair[][] = [[['a', 3]], [['a', 10]], [['a', 18]], [['a', 11]]];

/** Expected per-output arrays → `{ time, value }`, outputs falling every `slideMs`. */
function atSlides<U>(outputs: U[][], slideMs: number): { time: number; value: U[] }[] {
  return outputs.map((value, index) => ({ time: (index + 1) * slideMs, value }));
}

async function expectOperation<T, U>(
  input: T[][],
  operation: (stream: DStream<T>) => DStream<U>,
  expected: U[][],
  slideMs = SECOND_MS,
): Promise<void> {
  const numBatches = expected.length * (slideMs / SECOND_MS);
  const output = await runOperation(input, operation, numBatches);
  expect(sortedValues(output)).toEqual(sortedValues(atSlides(expected, slideMs)));
}

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

describe('reduceByKeyAndWindow (Spark WindowOperationsSuite)', () => {
  const cases: [string, Pair[][], Pair[][], Pair[][], number, number][] = [
    [
      'basic reduction',
      [
        [
          ['a', 1],
          ['a', 3],
        ],
      ],
      [[['a', 4]]],
      [[['a', 4]]],
      2000,
      1000,
    ],
    [
      'key already in window and new value added into window',
      [[['a', 1]], [['a', 1]]],
      [[['a', 1]], [['a', 2]]],
      [[['a', 1]], [['a', 2]]],
      2000,
      1000,
    ],
    [
      'new key added into window',
      [
        [['a', 1]],
        [
          ['a', 1],
          ['b', 1],
        ],
      ],
      [
        [['a', 1]],
        [
          ['a', 2],
          ['b', 1],
        ],
      ],
      [
        [['a', 1]],
        [
          ['a', 2],
          ['b', 1],
        ],
      ],
      2000,
      1000,
    ],
    [
      'key removed from window',
      [[['a', 1]], [['a', 1]], [], []],
      [[['a', 1]], [['a', 2]], [['a', 1]], []],
      [[['a', 1]], [['a', 2]], [['a', 1]], [['a', 0]]],
      2000,
      1000,
    ],
    [
      'larger slide time',
      largerSlideInput,
      largerSlideReduceOutput,
      largerSlideReduceOutput,
      4000,
      2000,
    ],
    ['big test', bigInput, bigReduceOutput, bigReduceInvOutput, 2000, 1000],
  ];

  for (const [name, input, output, inverseOutput, windowMs, slideMs] of cases) {
    it(`reduces by key over the window: ${name}`, async () => {
      await expectOperation(
        input,
        (s) => s.reduceByKeyAndWindow(add, windowMs, slideMs),
        output,
        slideMs,
      );
    });

    it(`with inverse function keeps keys at 0: ${name}`, async () => {
      await expectOperation(
        input,
        (s) => s.reduceByKeyAndWindow(add, subtract, windowMs, slideMs),
        inverseOutput,
        slideMs,
      );
    });

    it(`with inverse and filter functions drops filtered keys: ${name}`, async () => {
      await expectOperation(
        input,
        (s) => s.reduceByKeyAndWindow(add, subtract, windowMs, slideMs, nonZero),
        output,
        slideMs,
      );
    });
  }
});

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
