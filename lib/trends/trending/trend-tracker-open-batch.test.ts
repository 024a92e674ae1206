import { describe, expect, it } from 'vitest';
import { TrendTracker } from './trend-tracker';
import { BATCH_MS, GATE_WINDOW_MS, OPTIONS } from './trend-tracker.test-helpers';

const newTracker = () => new TrendTracker(OPTIONS, GATE_WINDOW_MS, BATCH_MS);

/** `[key, author]` posts observed in the batch of `batchMs`. */
function observe(tracker: TrendTracker, batchMs: number, posts: [string, string][]): void {
  for (const [key, author] of posts) tracker.observe(key, author, undefined, batchMs);
}

/** A tracker restored from a snapshot of `open`, taken while its batch was being observed. */
function restoredFrom(open: TrendTracker): TrendTracker {
  const restored = newTracker();
  restored.restore(structuredClone(open.snapshot()));
  return restored;
}

describe('TrendTracker checkpointed while a batch is open', () => {
  it('keeps the evidence observed so far and adds it when the batch ends', () => {
    const whole = newTracker();
    observe(whole, 2_000, [
      ['a', 'u1'],
      ['a', 'u2'],
      ['b', 'u1'],
    ]);
    whole.endBatch(2_000);
    observe(whole, 4_000, [['a', 'u3']]);
    whole.endBatch(4_000);

    const open = newTracker();
    observe(open, 2_000, [
      ['a', 'u1'],
      ['a', 'u2'],
    ]);
    expect(open.snapshot().openBatch).toMatchObject({ batchMs: 2_000, keys: ['a'] });
    const restored = restoredFrom(open);
    observe(restored, 2_000, [['b', 'u1']]);
    restored.endBatch(2_000);
    observe(restored, 4_000, [['a', 'u3']]);
    restored.endBatch(4_000);
    expect(restored.snapshot()).toEqual(whole.snapshot());
  });

  it('adds an open batch that was skipped after the restore once, at its own time', () => {
    const whole = newTracker();
    observe(whole, 2_000, [
      ['a', 'u1'],
      ['a', 'u2'],
    ]);
    whole.endBatch(2_000);
    observe(whole, 10_000, [['a', 'u3']]);
    whole.endBatch(10_000);

    const open = newTracker();
    observe(open, 2_000, [
      ['a', 'u1'],
      ['a', 'u2'],
    ]);
    const restored = restoredFrom(open);
    observe(restored, 10_000, [['a', 'u3']]);
    restored.endBatch(10_000);
    expect(restored.snapshot()).toEqual(whole.snapshot());
  });

  it('has no open evidence between batches', () => {
    const tracker = newTracker();
    observe(tracker, 2_000, [['a', 'u1']]);
    tracker.endBatch(2_000);
    expect(tracker.snapshot().openBatch).toBeUndefined();
  });
});
