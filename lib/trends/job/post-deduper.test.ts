import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostDeduper } from './post-deduper';

describe('PostDeduper', () => {
  it('admits an id once within the horizon', () => {
    const deduper = new PostDeduper(10_000);
    deduper.beginBatch(2_000);
    expect(deduper.admit('1')).toBe(true);
    expect(deduper.admit('1')).toBe(false);
    deduper.beginBatch(4_000);
    expect(deduper.admit('1')).toBe(false);
    expect(deduper.admit('2')).toBe(true);
  });

  it('forgets ids once their batch is a whole horizon old', () => {
    const deduper = new PostDeduper(4_000);
    deduper.beginBatch(2_000);
    deduper.admit('1');
    deduper.beginBatch(4_000);
    expect(deduper.admit('1')).toBe(false);
    deduper.beginBatch(6_000);
    expect(deduper.size).toBe(0);
    expect(deduper.admit('1')).toBe(true);
  });

  it('forgets the oldest batches early beyond maxIds, never the current one', () => {
    const deduper = new PostDeduper(3_600_000, 250);
    for (let batch = 1; batch <= 10; batch++) {
      deduper.beginBatch(batch * 2_000);
      for (let index = 0; index < 100; index++) deduper.admit(`${batch}-${index}`);
      expect(deduper.size).toBeLessThanOrEqual(250 + 100);
    }
    // Batches 8 to 10 are remembered (300 ids once the tenth is in), the seventh is not.
    expect(deduper.admit('10-0')).toBe(false);
    expect(deduper.admit('8-0')).toBe(false);
    expect(deduper.admit('7-0')).toBe(true);
  });

  it('keeps memory bounded by the posts of the horizon', () => {
    const deduper = new PostDeduper(10_000);
    for (let batch = 1; batch <= 1_000; batch++) {
      deduper.beginBatch(batch * 2_000);
      for (let i = 0; i < 10; i++) deduper.admit(`${batch}-${i}`);
    }
    expect(deduper.size).toBe(50);
  });
});

describe('PostDeduper against a map of first sightings', () => {
  it('agrees on random batches of ids, through expiry and table rebuilds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 400 }), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 8 }),
        (batches, horizonBatches) => {
          const deduper = new PostDeduper(horizonBatches * 2_000);
          const firstSeenMs = new Map<string, number>();
          batches.forEach((ids, index) => {
            const batchTime = (index + 1) * 2_000;
            deduper.beginBatch(batchTime);
            for (const number of ids) {
              const id = `${1_900_000_000_000_000_000 + number * 4_096}`;
              const seenMs = firstSeenMs.get(id);
              const fresh = seenMs === undefined || seenMs <= batchTime - horizonBatches * 2_000;
              if (fresh) firstSeenMs.set(id, batchTime);
              expect(deduper.admit(id)).toBe(fresh);
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
