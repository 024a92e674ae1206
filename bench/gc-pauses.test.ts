import { describe, expect, it } from 'vitest';
import { overlapMs, recordGcPauses } from './gc-pauses';
import { collectGarbage } from './measure';

describe('overlapMs', () => {
  it('sums the parts of the spans inside the window, cut at its ends', () => {
    const spans = [
      { startMs: 0, endMs: 4 },
      { startMs: 8, endMs: 12 },
      { startMs: 15, endMs: 16 },
      { startMs: 30, endMs: 40 },
    ];
    expect(overlapMs(spans, { startMs: 2, endMs: 16 })).toBe(2 + 4 + 1);
    expect(overlapMs(spans, { startMs: 20, endMs: 25 })).toBe(0);
    expect(overlapMs([], { startMs: 0, endMs: 100 })).toBe(0);
  });
});

describe('recordGcPauses', () => {
  it('sees a full collection made while it records', async () => {
    const recorder = recordGcPauses();
    const startMs = performance.now();
    collectGarbage();
    const endMs = performance.now();
    await recorder.settled();
    recorder.stop();
    expect(recorder.pauses.length).toBeGreaterThan(0);
    expect(overlapMs(recorder.pauses, { startMs, endMs })).toBeGreaterThan(0);
  });
});
