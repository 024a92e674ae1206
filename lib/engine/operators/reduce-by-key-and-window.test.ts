/**
 * Ports of Spark Streaming's WindowOperationsSuite: 1 s batches, window 2 s and slide 1 s unless
 * stated, `numBatches = expected outputs × (slide / batch)`. Expected outputs are Spark's.
 */
import { describe, expect, it } from 'vitest';
import type { DStream } from '../dstream';
import { ManualClock } from '../clock/manual-clock';
import { StreamingContext } from '../streaming-context';
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

describe('reduceByKeyAndWindow shared panes', () => {
  it('reduces each batch once for several windows with the same function', () => {
    const context = new StreamingContext({ batchIntervalMs: 1000, clock: new ManualClock(0) });
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

describe('alreadyReducedByKey', () => {
  it('lets the windows take the batches as their panes, with the same counts', async () => {
    const declared = await runOperation(
      bigInput,
      (stream: DStream<Pair>) =>
        stream.alreadyReducedByKey(add).reduceByKeyAndWindow(add, subtract, 2 * SECOND_MS),
      bigReduceInvOutput.length,
    );
    expect(sortedValues(declared).map((emission) => emission.value)).toEqual(bigReduceInvOutput);
    const context = new StreamingContext({ batchIntervalMs: 1000, clock: new ManualClock(0) });
    const pairs = context.queueStream<Pair>([]).alreadyReducedByKey(add);
    pairs.reduceByKeyAndWindow(add, subtract, 4000).foreachBatch(() => undefined);
    const kinds = context.checkpoint().graph.map((entry) => entry.kind);
    expect(kinds).toEqual(['queueStream', 'reduceByKeyAndWindow', 'foreachBatch']);
  });

  it('is not checked: a repeated key in a declared batch is not reduced', async () => {
    const repeated: Pair[][] = [
      [
        ['a', 1],
        ['a', 1],
      ],
    ];
    const window = (stream: DStream<Pair>) =>
      stream.reduceByKeyAndWindow(add, subtract, 2 * SECOND_MS);
    const plain = await runOperation(repeated, window, 1);
    const declared = await runOperation(
      repeated,
      (stream: DStream<Pair>) => window(stream.alreadyReducedByKey(add)),
      1,
    );
    expect(plain[0]!.value).toEqual([['a', 2]]);
    expect(declared[0]!.value).toEqual([['a', 1]]);
  });
});

describe('reduceByKeyAndWindow incremental cost', () => {
  it('calls fn and invFn only for the keys of panes entering and leaving the window', async () => {
    const clock = new ManualClock(0);
    const context = new StreamingContext({ batchIntervalMs: 1000, clock });
    // Batch k holds keys k and 'common'; a 50-batch window over 60 batches.
    const input = Array.from({ length: 60 }, (_, k): [string, number][] => [
      [`key${k}`, 1],
      ['common', 1],
    ]);
    const calls = { add: 0, subtract: 0 };
    const countingAdd = (a: number, b: number): number => (calls.add++, a + b);
    const countingSubtract = (a: number, b: number): number => (calls.subtract++, a - b);
    const perBatch: { add: number; subtract: number }[] = [];
    context
      .queueStream(input)
      .reduceByKeyAndWindow(countingAdd, countingSubtract, 50_000)
      .foreachBatch(() => {
        perBatch.push({ ...calls });
        calls.add = 0;
        calls.subtract = 0;
      });
    context.start();
    await clock.advance(60_000);
    // Once the window is full: 'common' enters (one add), one pane leaves (two subtracts).
    expect(perBatch.slice(50)).toEqual(Array(10).fill({ add: 1, subtract: 2 }));
  });
});
