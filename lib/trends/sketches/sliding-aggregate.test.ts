import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingAggregate } from './sliding-aggregate';

/** Concatenation in brackets: associative in content, and the brackets show the grouping. */
function grouped(older: string, newer: string): string {
  return `(${older}${newer})`;
}

const content = (value: string | undefined) => (value ?? '').replace(/[()]/g, '');

const opArbitrary = fc.oneof(
  fc.record({ push: fc.string({ minLength: 1, maxLength: 2 }).filter((t) => !/[()]/.test(t)) }),
  fc.constant('shift' as const),
  fc.constant('step' as const),
  fc.constant('snapshot' as const),
);

describe('SlidingAggregate', () => {
  it('combines the items of a sliding FIFO in order', () => {
    const window = new SlidingAggregate<string>((older, newer) => older + newer, 3);
    expect(window.combined()).toBeUndefined();
    for (const letter of 'abcdefg') {
      window.push(letter);
      if (window.length > 3) window.shift();
      window.step();
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

  it('agrees with recombining the whole window after any pushes, shifts and steps', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary), fc.integer({ min: 1, max: 8 }), (ops, span) => {
        const window = new SlidingAggregate<string>(grouped, span);
        const naive: string[] = [];
        for (const op of ops) {
          if (op === 'shift') {
            window.shift();
            naive.shift();
          } else if (op === 'step') window.step();
          else if (op !== 'snapshot') {
            window.push(op.push);
            naive.push(op.push);
          }
          expect(content(window.combined())).toBe(naive.join(''));
          expect(window.length).toBe(naive.length);
        }
      }),
    );
  });

  it('groups the same whatever the steps, and restores to the same grouping', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary), fc.integer({ min: 1, max: 8 }), (ops, span) => {
        const stepped = new SlidingAggregate<string>(grouped, span);
        const unstepped = new SlidingAggregate<string>(grouped, span);
        let restored = new SlidingAggregate<string>(grouped, span);
        for (const op of ops) {
          for (const window of [stepped, unstepped, restored]) {
            if (op === 'shift') window.shift();
            else if (op === 'step') {
              if (window !== unstepped) window.step();
            } else if (op !== 'snapshot') window.push(op.push);
          }
          if (op === 'snapshot') {
            // Through JSON, as a checkpoint would take it: nothing shared with the original.
            const saved = JSON.parse(JSON.stringify(stepped.snapshot((item) => item)));
            restored = new SlidingAggregate<string>(grouped, span);
            restored.restore(saved, (item: string) => item);
          }
          expect(stepped.combined()).toBe(unstepped.combined());
          expect(restored.combined()).toBe(unstepped.combined());
        }
      }),
    );
  });

  it('restores a checkpoint written without the middle part', () => {
    const window = new SlidingAggregate<string>((older, newer) => older + newer, 4);
    window.restore({ front: ['abc', 'bc', 'c'], back: ['d', 'e'], backCombined: 'de' }, (s) => s);
    expect(window.combined()).toBe('abcde');
    window.shift();
    window.push('f');
    window.shift();
    expect(window.combined()).toBe('cdef');
  });

  it('keeps a push, its shift and combined() to two combines, mostly one, with four steps', () => {
    // An hour of one-minute panes: the plain two stacks turn 58 panes in one shift each hour.
    const span = 59;
    let combines = 0;
    const window = new SlidingAggregate<string>((older, newer) => {
      combines++;
      return older + newer;
    }, span);
    const perPane: number[] = [];
    let stepCombines = 0;
    for (let pane = 0; pane < 5 * span; pane++) {
      combines = 0;
      window.push('x');
      if (window.length > span) window.shift();
      expect(window.combined()).toBe('x'.repeat(Math.min(pane + 1, span)));
      perPane.push(combines);
      for (let step = 0; step < 4; step++) {
        combines = 0;
        window.step();
        expect(combines).toBeLessThanOrEqual(1);
        stepCombines += combines;
      }
    }
    expect(Math.max(...perPane)).toBeLessThanOrEqual(2);
    const steady = perPane.slice(2 * span);
    expect(steady.filter((count) => count > 1).length).toBeLessThan(steady.length / 10);
    // The work ahead stays linear: at most four combines a pane.
    expect(stepCombines).toBeLessThanOrEqual(4 * 5 * span);
  });

  it('still turns the whole back at once when never stepped', () => {
    let combines = 0;
    const window = new SlidingAggregate<string>((older, newer) => {
      combines++;
      return older + newer;
    }, 3);
    for (const letter of 'abcd') window.push(letter);
    combines = 0;
    window.shift();
    expect(window.combined()).toBe('bcd');
    expect(combines).toBeGreaterThan(0);
  });
});
