import { describe, expect, it } from 'vitest';
import { SERIES_LENGTH } from '@/lib/protocol';
import { HOSTILE_TAGS } from '@/tests/support/hostile-tags';
import {
  applyBatch,
  findWindow,
  fromSnapshot,
  mergeHistory,
  mergeSeries,
  STATS_HISTORY_LENGTH,
} from './dashboard-state';
import {
  batchUpdate,
  block,
  engineStats,
  point,
  snapshot,
  tagCount,
  windowResult,
} from './test-factories';

describe('fromSnapshot', () => {
  it('sorts the series by batch time and keeps one point per batch', () => {
    const state = fromSnapshot(
      snapshot({
        series: block([
          [6000, [['a', 1]]],
          [2000, [['a', 2]]],
        ]),
      }),
    );
    expect(state.series).toEqual([point(2000, [['a', 2]]), point(6000, [['a', 1]])]);
  });

  it('starts without engine samples before the first batch', () => {
    expect(fromSnapshot(snapshot({ batchTime: null, series: block([]) })).statsHistory).toEqual([]);
  });
});

describe('applyBatch', () => {
  it('replaces windows, trending, stats and source with the update', () => {
    const update = batchUpdate(4000, { stats: engineStats({ batches: 2, lastProcessingMs: 9 }) });
    const state = applyBatch(fromSnapshot(snapshot()), update);
    expect(state.batchTime).toBe(4000);
    expect(state.windows).toBe(update.windows);
    expect(state.stats.lastProcessingMs).toBe(9);
  });

  it('merges every coalesced point into the held series', () => {
    const update = batchUpdate(8000, {
      series: block([
        [4000, [['a', 1]]],
        [6000, [['a', 2]]],
        [8000, [['b', 1]]],
      ]),
    });
    const state = applyBatch(fromSnapshot(snapshot()), update);
    expect(state.series).toEqual([
      point(2000, [['a', 3]]),
      point(4000, [
        ['a', 1],
        ['b', 0],
      ]),
      point(6000, [
        ['a', 2],
        ['b', 0],
      ]),
      point(8000, [
        ['a', 0],
        ['b', 1],
      ]),
    ]);
  });

  it('keeps the series at most SERIES_LENGTH points, dropping the oldest', () => {
    let state = fromSnapshot(snapshot({ series: block([]) }));
    for (let batch = 1; batch <= SERIES_LENGTH + 5; batch += 1) {
      state = applyBatch(state, batchUpdate(batch * 2000));
    }
    expect(state.series).toHaveLength(SERIES_LENGTH);
    expect(state.series[0]!.batchTime).toBe(6 * 2000);
    expect(state.series.at(-1)!.batchTime).toBe((SERIES_LENGTH + 5) * 2000);
  });

  it('ignores an update older than the state', () => {
    const state = applyBatch(fromSnapshot(snapshot()), batchUpdate(6000));
    expect(applyBatch(state, batchUpdate(4000))).toBe(state);
  });

  it('learns new spellings and replaces changed ones', () => {
    const state = applyBatch(
      fromSnapshot(snapshot()),
      batchUpdate(4000, {
        series: block(
          [
            [
              4000,
              [
                ['a', 1],
                ['b', 2],
                ['c', 0],
              ],
            ],
          ],
          [
            ['a', 'a'],
            ['b', 'B'],
          ],
        ),
      }),
    );
    expect([...state.spellings]).toEqual([
      ['a', 'a'],
      ['b', 'B'],
    ]);
  });

  it('samples the engine once per new batch time, at most STATS_HISTORY_LENGTH samples', () => {
    let state = fromSnapshot(snapshot());
    for (let batch = 2; batch <= STATS_HISTORY_LENGTH + 10; batch += 1) {
      state = applyBatch(state, batchUpdate(batch * 2000));
    }
    state = applyBatch(state, batchUpdate((STATS_HISTORY_LENGTH + 10) * 2000));
    expect(state.statsHistory).toHaveLength(STATS_HISTORY_LENGTH);
    expect(state.statsHistory.at(-1)!.batchTime).toBe((STATS_HISTORY_LENGTH + 10) * 2000);
  });
});

describe('mergeSeries', () => {
  it('adds a block of other tags to the batches already held', () => {
    const state = applyBatch(fromSnapshot(snapshot()), batchUpdate(4000));
    const merged = mergeSeries(state, block([[4000, [['w', 5]]]], [['w', 'W']]));
    expect(merged.series.at(-1)).toEqual(
      point(4000, [
        ['a', 1],
        ['w', 5],
      ]),
    );
    expect(merged.spellings.get('w')).toBe('W');
  });

  it.each(HOSTILE_TAGS)('holds the tag %s like any other', (tag) => {
    const state = mergeSeries(fromSnapshot(snapshot()), block([[2000, [[tag, 7]]]], [[tag, tag]]));
    expect(state.series[0]!.counts.get(tag)).toBe(7);
    expect(state.series[0]!.counts.get('a')).toBe(3);
    expect(state.spellings.get(tag)).toBe(tag);
  });
});

describe('mergeHistory', () => {
  it('sets the tag count at known batches and adds the batches it lacks, in order', () => {
    const state = fromSnapshot(
      snapshot({
        series: block([
          [4000, [['a', 1]]],
          [6000, [['a', 2]]],
        ]),
      }),
    );
    const merged = mergeHistory(state, 'b', 'B', [
      { batchTime: 2000, count: 5 },
      { batchTime: 4000, count: 6 },
    ]);
    expect(merged.series).toEqual([
      point(2000, [['b', 5]]),
      point(4000, [
        ['a', 1],
        ['b', 6],
      ]),
      point(6000, [['a', 2]]),
    ]);
    expect(merged.spellings.get('b')).toBe('B');
  });

  it('keeps only the newest SERIES_LENGTH points', () => {
    const state = fromSnapshot(snapshot({ series: block([]) }));
    const history = Array.from({ length: SERIES_LENGTH + 3 }, (_, index) => ({
      batchTime: (index + 1) * 2000,
      count: index,
    }));
    const merged = mergeHistory(state, 'a', 'A', history);
    expect(merged.series).toHaveLength(SERIES_LENGTH);
    expect(merged.series[0]!.batchTime).toBe(4 * 2000);
  });
});

describe('findWindow', () => {
  it('falls back to the first window when the label is unknown', () => {
    const windows = [
      windowResult('1m', 60_000, []),
      windowResult('5m', 300_000, [tagCount('a', 1)]),
    ];
    const state = fromSnapshot(snapshot({ windows }));
    expect(findWindow(state, '5m')?.label).toBe('5m');
    expect(findWindow(state, '2h')?.label).toBe('1m');
  });
});
