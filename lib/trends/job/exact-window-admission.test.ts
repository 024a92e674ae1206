import { describe, expect, it } from 'vitest';
import { ExactWindowAdmission } from './exact-window-admission';

describe('ExactWindowAdmission', () => {
  it('passes the pairs unchanged below its bound', () => {
    const admission = new ExactWindowAdmission(10_000, 3);
    const pairs: [string, number][] = [
      ['a', 1],
      ['b', 2],
    ];
    expect(admission.admit(pairs, 2_000)).toBe(pairs);
    expect(admission.hasCuts(10_000, 2_000)).toBe(false);
  });

  it('keeps keys already in the window, admits new ones by count, and bounds what they lack', () => {
    const admission = new ExactWindowAdmission(6_000, 2);
    admission.admit([['old', 1]], 2_000);
    const second = admission.admit(
      [
        ['late', 2],
        ['old', 1],
        ['big', 3],
      ],
      4_000,
    );
    // `old` is in the window; one place is left, for the larger of the new keys.
    expect(second).toEqual([
      ['old', 1],
      ['big', 3],
    ]);
    expect(admission.size).toBe(2);
    expect(admission.hasCuts(6_000, 4_000)).toBe(true);
    expect(admission.errorOf('old', 6_000, 4_000)).toBe(0);
    expect(admission.errorOf('big', 6_000, 4_000)).toBe(0);
    // At 12 s the batches of 2 s and 4 s have left; `big` seen at 8 s stays, `late` gets in.
    admission.admit([['big', 1]], 8_000);
    expect(admission.admit([['late', 1]], 10_000)).toEqual([['late', 1]]);
    // `late` had 2 posts cut at 4 s: inside the 6 s window ending at 8 s, not the one at 10 s.
    expect(admission.errorOf('late', 6_000, 10_000)).toBe(0);
    expect(admission.hasCuts(6_000, 10_000)).toBe(false);
  });

  it('bounds a key admitted after a cut by the largest count cut in each earlier batch', () => {
    const admission = new ExactWindowAdmission(6_000, 2);
    admission.admit([['a', 1]], 2_000);
    admission.admit(
      [
        ['b', 3],
        ['late', 2],
      ],
      4_000,
    );
    // At 8 s the batch of 2 s has left with `a`: room for `late`.
    expect(admission.admit([['late', 1]], 8_000)).toEqual([['late', 1]]);
    expect(admission.errorOf('late', 6_000, 8_000)).toBe(2);
    expect(admission.errorOf('late', 2_000, 8_000)).toBe(0);
    expect(admission.errorOf('b', 6_000, 8_000)).toBe(0);
  });
});
