import { describe, expect, it } from 'vitest';
import { SERIES_LENGTH } from '@/lib/protocol';
import {
  applyBatch,
  findWindow,
  fromSnapshot,
  mergeHistory,
  STATS_HISTORY_LENGTH,
} from './dashboard-state';
import {
  batchUpdate,
  engineStats,
  point,
  snapshot,
  tagCount,
  windowResult,
} from './test-factories';

describe('fromSnapshot', () => {
  it('sorts the series by batch time and keeps one point per batch', () => {
    const state = fromSnapshot(
      snapshot({ series: [point(6000, { a: 1 }), point(2000, { a: 2 }), point(6000, { a: 3 })] }),
    );
    expect(state.series).toEqual([point(2000, { a: 2 }), point(6000, { a: 3 })]);
  });

  it('starts without engine samples before the first batch', () => {
    expect(fromSnapshot(snapshot({ batchTime: null, series: [] })).statsHistory).toEqual([]);
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

  it('appends every coalesced point newer than the last one held', () => {
    const update = batchUpdate(8000, {
      points: [
        point(2000, { a: 9 }),
        point(4000, { a: 1 }),
        point(6000, { a: 2 }),
        point(8000, { b: 1 }),
      ],
    });
    const state = applyBatch(fromSnapshot(snapshot()), update);
    expect(state.series).toEqual([
      point(2000, { a: 3 }),
      point(4000, { a: 1 }),
      point(6000, { a: 2 }),
      point(8000, { b: 1 }),
    ]);
  });

  it('keeps the series at most SERIES_LENGTH points, dropping the oldest', () => {
    let state = fromSnapshot(snapshot({ series: [] }));
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

  it('merges new spellings over the known ones', () => {
    const state = applyBatch(
      fromSnapshot(snapshot()),
      batchUpdate(4000, { spellings: { b: 'B' } }),
    );
    expect(state.spellings).toEqual({ a: 'A', b: 'B' });
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

describe('mergeHistory', () => {
  it('sets the tag count at known batches and adds the batches it lacks, in order', () => {
    const state = fromSnapshot(
      snapshot({ series: [point(4000, { a: 1 }), point(6000, { a: 2 })] }),
    );
    const merged = mergeHistory(state, 'b', 'B', [
      { batchTime: 2000, count: 5 },
      { batchTime: 4000, count: 6 },
    ]);
    expect(merged.series).toEqual([
      point(2000, { b: 5 }),
      point(4000, { a: 1, b: 6 }),
      point(6000, { a: 2 }),
    ]);
    expect(merged.spellings.b).toBe('B');
  });

  it('keeps only the newest SERIES_LENGTH points', () => {
    const state = fromSnapshot(snapshot({ series: [] }));
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
