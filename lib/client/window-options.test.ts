import { describe, expect, it } from 'vitest';
import { applyBatch, fromSnapshot } from './dashboard-state';
import { batchUpdate, snapshot, tagCount, windowResult } from './test-factories';
import { windowOptionsKey, windowOptionsOf } from './window-options';

describe('window options', () => {
  it('keeps the same key while a batch changes the counts but not the windows', () => {
    const first = fromSnapshot(
      snapshot({ batchTime: 1_000, windows: [windowResult('1m', 60_000, [tagCount('a', 1)])] }),
    );
    const next = applyBatch(
      first,
      batchUpdate(1_500, { windows: [windowResult('1m', 60_000, [tagCount('a', 9)])] }),
    );
    expect(next.windows).not.toBe(first.windows);
    expect(windowOptionsKey(next)).toBe(windowOptionsKey(first));
  });

  it('reads the labels and lengths back from the key, whatever the labels hold', () => {
    const view = fromSnapshot(
      snapshot({
        windows: [windowResult('5m', 300_000, []), windowResult('a b=c', 3_600_000, [])],
      }),
    );
    expect(windowOptionsOf(windowOptionsKey(view))).toEqual([
      { label: '5m', windowMs: 300_000 },
      { label: 'a b=c', windowMs: 3_600_000 },
    ]);
  });

  it('offers none before the first snapshot', () => {
    expect(windowOptionsOf(windowOptionsKey(null))).toEqual([]);
  });
});
