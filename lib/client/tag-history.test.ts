import { describe, expect, it } from 'vitest';
import { historyRows, missingData } from './tag-history';
import type { HistoryPoint } from './tag-history';

const M = 60_000;
const point = (minute: number, state: HistoryPoint['state'], count: number | null = null) => ({
  time: minute * M,
  count,
  state,
});

describe('tag history on the client', () => {
  const a: HistoryPoint[] = [
    point(0, 'before-start'),
    point(1, 'counted', 4),
    point(2, 'down'),
    point(3, 'down'),
    point(4, 'counted', 0),
  ];
  const b: HistoryPoint[] = [
    point(0, 'before-start'),
    point(1, 'untracked'),
    point(2, 'down'),
    point(3, 'down'),
    point(4, 'counted', 7),
  ];

  it('merges the keys into one row per minute, null where unknown', () => {
    expect(
      historyRows(
        new Map([
          ['a', a],
          ['b', b],
          ['__proto__', b],
        ]),
      ).map((row) => ({
        time: row.time,
        counts: Object.fromEntries(row.counts),
      })),
    ).toEqual([
      { time: 0, counts: { a: null, b: null, ['__proto__']: null } },
      { time: M, counts: { a: 4, b: null, ['__proto__']: null } },
      { time: 2 * M, counts: { a: null, b: null, ['__proto__']: null } },
      { time: 3 * M, counts: { a: null, b: null, ['__proto__']: null } },
      { time: 4 * M, counts: { a: 0, b: 7, ['__proto__']: 7 } },
    ]);
  });

  it('says where the data starts and when the server was down', () => {
    expect(missingData(a)).toEqual({ startsAt: M, down: [[2 * M, 3 * M]] });
    expect(missingData([point(0, 'before-start')])).toEqual({ startsAt: null, down: [] });
  });
});
