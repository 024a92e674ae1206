import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingAggregate } from './sliding-aggregate';

describe('SlidingAggregate', () => {
  it('combines the items of a sliding FIFO in order', () => {
    const window = new SlidingAggregate<string>((older, newer) => older + newer);
    expect(window.combined()).toBeUndefined();
    for (const letter of 'abcdefg') {
      window.push(letter);
      if (window.length > 3) window.shift();
    }
    expect(window.combined()).toBe('efg');
    window.shift();
    window.shift();
    expect(window.combined()).toBe('g');
    window.shift();
    window.shift();
    expect(window.length).toBe(0);
    expect(window.combined()).toBeUndefined();
  });

  it('agrees with recombining the whole window after any pushes and shifts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.constant(null))), (ops) => {
        let combines = 0;
        const window = new SlidingAggregate<string>((older, newer) => {
          combines++;
          return older + newer;
        });
        const naive: string[] = [];
        for (const op of ops) {
          if (op === null) {
            window.shift();
            naive.shift();
          } else {
            window.push(op);
            naive.push(op);
          }
          expect(window.combined() ?? '').toBe(naive.join(''));
          expect(window.length).toBe(naive.length);
        }
        // Amortised O(1): a push, a flip step and a combined() call per operation at most.
        expect(combines).toBeLessThanOrEqual(3 * ops.length);
      }),
    );
  });
});
