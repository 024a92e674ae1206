import { describe, expect, it } from 'vitest';
import { heldStep, withNewestById } from './held-value';
import type { Held } from './held-value';

const HOLD_MS = 5_000;

/**
 * Values arriving every `everyMs` from 0 to `untilMs` under a hold, the clock driven: what is
 * shown, and when. A waiting value shows when its timer fires, as the page's hook does.
 */
function shownOver(everyMs: number, untilMs: number, firstKeyUntilMs = Infinity) {
  let held: Held<number> = { value: 0, key: 'a', sinceMs: 0 };
  const shown: { atMs: number; value: number }[] = [{ atMs: 0, value: 0 }];
  let timer: { dueMs: number; value: number; key: string } | null = null;
  for (let nowMs = everyMs; nowMs <= untilMs; nowMs += everyMs) {
    if (timer && timer.dueMs <= nowMs) {
      held = { value: timer.value, key: timer.key, sinceMs: timer.dueMs };
      shown.push({ atMs: timer.dueMs, value: timer.value });
      timer = null;
    }
    const key = nowMs < firstKeyUntilMs ? 'a' : 'b';
    const step = heldStep(held, nowMs, key, nowMs, HOLD_MS);
    timer = null;
    if (step.kind === 'show') {
      held = { value: nowMs, key, sinceMs: nowMs };
      shown.push({ atMs: nowMs, value: nowMs });
    } else if (step.kind === 'wait') {
      timer = { dueMs: nowMs + step.waitMs, value: nowMs, key };
    }
  }
  return shown;
}

describe('heldStep', () => {
  it('keeps the value shown when the same one comes again', () => {
    const held = { value: 'x', key: 'a', sinceMs: 0 };
    expect(heldStep(held, 'x', 'a', 100, HOLD_MS)).toEqual({ kind: 'keep' });
  });

  it('waits out the rest of the hold for a new value, then shows it', () => {
    const held = { value: 'x', key: 'a', sinceMs: 1_000 };
    expect(heldStep(held, 'y', 'a', 2_500, HOLD_MS)).toEqual({ kind: 'wait', waitMs: 3_500 });
    expect(heldStep(held, 'y', 'a', 6_000, HOLD_MS)).toEqual({ kind: 'show' });
    expect(heldStep(held, 'y', 'a', 9_000, HOLD_MS)).toEqual({ kind: 'show' });
  });

  it('shows a value of another key at once, even the same value', () => {
    const held = { value: 'x', key: 'a', sinceMs: 1_000 };
    expect(heldStep(held, 'y', 'b', 1_001, HOLD_MS)).toEqual({ kind: 'show' });
    expect(heldStep(held, 'x', 'b', 1_001, HOLD_MS)).toEqual({ kind: 'show' });
  });

  it('changes what is shown at most once a hold, always to the newest value at that time', () => {
    const shown = shownOver(500, 30_000);
    for (const [earlier, later] of shown.slice(0, -1).map((one, i) => [one, shown[i + 1]!])) {
      expect(later.atMs - earlier!.atMs).toBeGreaterThanOrEqual(HOLD_MS);
    }
    // Every change shows the newest value that had come (a timer that ends a hold runs before
    // a value arriving in the same millisecond); nothing waits past its hold.
    for (const { atMs, value } of shown.slice(1)) {
      expect(atMs - value).toBeGreaterThanOrEqual(0);
      expect(atMs - value).toBeLessThanOrEqual(500);
    }
    expect(shown.map((one) => one.atMs)).toEqual([
      0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000,
    ]);
  });

  it('shows values arriving slower than the hold as they come', () => {
    expect(shownOver(6_000, 30_000).map((one) => one.atMs)).toEqual([
      0, 6_000, 12_000, 18_000, 24_000, 30_000,
    ]);
  });

  it('shows the first value of a new key at once, then holds again', () => {
    const shown = shownOver(500, 12_000, 6_500);
    expect(shown.map((one) => one.atMs)).toEqual([0, 5_000, 6_500, 11_500]);
  });
});

describe('withNewestById', () => {
  it('keeps the held items and order, each in its newest version where there is one', () => {
    const held = [
      { id: 'b', reposts: 1 },
      { id: 'a', reposts: 0 },
    ];
    const newest = [
      { id: 'c', reposts: 0 },
      { id: 'b', reposts: 3 },
    ];
    expect(withNewestById(held, newest)).toEqual([
      { id: 'b', reposts: 3 },
      { id: 'a', reposts: 0 },
    ]);
    expect(withNewestById([], newest)).toEqual([]);
  });
});
