import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './bench-options';
import { median, percentile } from './stats';

describe('parseBenchOptions', () => {
  it('defaults to 500,000 lines at 400 posts/s, five runs, text output', () => {
    expect(parseBenchOptions([])).toEqual({
      json: false,
      n: 500_000,
      rate: 400,
      runs: 5,
      seed: 42,
      rxAll: false,
      checkpoint: false,
      flood: 0,
      minutes: 75,
    });
  });

  it('reads --json, --n, --rate, --runs and --rx-all', () => {
    expect(
      parseBenchOptions(['--json', '--n', '1000', '--rate', '50', '--runs', '2', '--rx-all']),
    ).toMatchObject({ json: true, n: 1000, rate: 50, runs: 2, rxAll: true });
  });

  it('reads --checkpoint', () => {
    expect(parseBenchOptions(['--checkpoint']).checkpoint).toBe(true);
  });

  it('reads --flood (a number of hashtags an hour, 1e6 accepted) and --minutes', () => {
    expect(parseBenchOptions(['--flood', '1e6', '--minutes', '5'])).toMatchObject({
      flood: 1_000_000,
      minutes: 5,
    });
  });

  it('refuses unknown options and bad numbers with the usage', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option --fast\. usage/);
    expect(() => parseBenchOptions(['--n', 'many'])).toThrow(/--n needs a positive integer/);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 0.99)).toBe(99);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
