import { describe, expect, it } from 'vitest';
import { rollingSums, spanInBatches } from './rolling-series';
import { point } from './test-factories';

const series = [
  point(2000, [['a', 1]]),
  point(4000, [
    ['a', 2],
    ['b', 1],
  ]),
  point(6000, []),
  point(8000, [['a', 4]]),
];

describe('rollingSums', () => {
  it('sums each key over the span, starting at the first full span', () => {
    expect(rollingSums(series, ['a', 'b'], 2)).toEqual([
      { batchTime: 4000, sums: [3, 1] },
      { batchTime: 6000, sums: [2, 1] },
      { batchTime: 8000, sums: [4, 0] },
    ]);
  });

  it('gives the counts themselves for a span of one batch', () => {
    expect(rollingSums(series, ['a'], 1).map((rolling) => rolling.sums[0])).toEqual([1, 2, 0, 4]);
  });

  it('keeps partial sums when the series is shorter than the span', () => {
    expect(rollingSums(series.slice(0, 2), ['a'], 5).map((rolling) => rolling.sums[0])).toEqual([
      1, 3,
    ]);
  });
});

it('sums a tag named __proto__ like any other', () => {
  const hostile = [point(2000, [['__proto__', 2]]), point(4000, [['__proto__', 3]])];
  expect(rollingSums(hostile, ['__proto__', 'constructor'], 2)).toEqual([
    { batchTime: 4000, sums: [5, 0] },
  ]);
});

describe('spanInBatches', () => {
  it('rounds the span to whole batches, at least one', () => {
    expect(spanInBatches(30_000, 2000)).toBe(15);
    expect(spanInBatches(500, 2000)).toBe(1);
  });
});
