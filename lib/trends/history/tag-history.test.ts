import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS, TagHistory } from './tag-history';
import type { TagHistorySnapshot } from './tag-history-types';

const T0 = 10_000 * MINUTE_MS;
const BATCH_MS = 2000;
/** Batch `index` of minute `minute` (30 batches a minute). */
const batchAt = (minute: number, index: number) => T0 + minute * MINUTE_MS + (index + 1) * BATCH_MS;

const counts = (history: TagHistory, key: string, minutes: number) =>
  history.minutesOf(key, T0, T0 + (minutes - 1) * MINUTE_MS).map((point) => point.count);

describe('TagHistory', () => {
  it('counts a tag exactly over the whole minute it enters a top list in', () => {
    const history = new TagHistory();
    history.addBatch([['rare', 4]], batchAt(0, 0));
    history.addBatch([['rare', 5]], batchAt(0, 10));
    history.noteTop(['rare']);
    history.addBatch([['rare', 1]], batchAt(1, 0));
    history.addBatch([], batchAt(2, 0));
    expect(counts(history, 'rare', 3)).toEqual([9, 1, 0]);
  });

  it('keeps watched tags from the minute they are watched, zeros included', () => {
    const history = new TagHistory();
    history.addBatch([['quiet', 2]], batchAt(0, 0));
    history.addBatch([['quiet', 3]], batchAt(1, 0));
    history.setWatched(['quiet']);
    history.addBatch([], batchAt(2, 0));
    expect(history.minutesOf('quiet', T0, T0 + 2 * MINUTE_MS)).toEqual([
      { time: T0, count: null, state: 'untracked' },
      { time: T0 + MINUTE_MS, count: 3, state: 'counted' },
      { time: T0 + 2 * MINUTE_MS, count: 0, state: 'counted' },
    ]);
  });

  it('forgets minutes after the retention and bounds the tracked tags', () => {
    const history = new TagHistory({ retainMinutes: 3, maxTrackedTags: 2 });
    for (let minute = 0; minute < 6; minute++) {
      history.addBatch(
        [
          [`tag${minute}`, 1],
          ['steady', 1],
        ],
        batchAt(minute, 0),
      );
      history.noteTop([`tag${minute}`, 'steady']);
    }
    expect(history.sizes().trackedTags).toBeLessThanOrEqual(3);
    expect(history.minutesOf('steady', T0, T0 + 5 * MINUTE_MS).map((point) => point.count)).toEqual(
      [null, null, null, 1, 1, 1],
    );
  });

  it('restores from a snapshot (through V8 serialisation) with the same answers', () => {
    const history = new TagHistory();
    history.addBatch(
      [
        ['a', 2],
        ['b', 1],
      ],
      batchAt(0, 0),
    );
    history.noteTop(['a']);
    history.addBatch([['a', 1]], batchAt(1, 3));
    history.noteGap(T0 + 2 * MINUTE_MS, T0 + 4 * MINUTE_MS);
    history.addBatch([['b', 7]], batchAt(4, 0));
    history.noteTop(['b']);
    const restored = new TagHistory();
    restored.restore(deserialize(serialize(history.snapshot())) as TagHistorySnapshot);
    for (const key of ['a', 'b', 'c']) {
      const range = [T0 - MINUTE_MS, T0 + 4 * MINUTE_MS] as const;
      expect(restored.minutesOf(key, ...range)).toEqual(history.minutesOf(key, ...range));
    }
    restored.addBatch([['a', 1]], batchAt(5, 0));
    expect(counts(restored, 'a', 6)).toEqual([2, 1, null, null, 0, 1]);
  });
});
