import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyPairs, tallyTag } from './batch-tag-tallies';
import type { BatchTagTallies } from './batch-tag-tallies';
import { DisplaySpellings } from './display-spellings';

/** Posts' `[key, spelling]` over a few keys with many spellings (beyond the per-key bound). */
const taggedPosts = fc.array(
  fc
    .tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 9 }))
    .map(([key, variant]): [string, string] => [key, `${key}${variant}`]),
  { maxLength: 120 },
);

function tallied(posts: readonly [string, string][]): BatchTagTallies {
  const tallies: BatchTagTallies = new Map();
  posts.forEach(([key, spelling], index) => tallyTag(tallies, key, spelling, index));
  return tallies;
}

describe('batch tag tallies', () => {
  it('count each key and note its posts, in the order keys were first seen', () => {
    const tallies = tallied([
      ['b', 'B'],
      ['a', 'a'],
      ['b', 'b'],
      ['b', 'B'],
    ]);
    expect(tallyPairs(tallies)).toEqual([
      ['b', 3],
      ['a', 1],
    ]);
    expect(tallies.get('b')!.posts).toEqual([0, 2, 3]);
    expect(tallies.get('a')!.posts).toEqual([1]);
    expect(tallies.get('a')!.runs).toBeUndefined();
    expect(tallies.get('b')!.runs).toEqual([
      { spelling: 'B', times: 1 },
      { spelling: 'b', times: 1 },
      { spelling: 'B', times: 1 },
    ]);
  });

  it('give the spellings a post-by-post recording gives, whatever came before', () => {
    fc.assert(
      fc.property(taggedPosts, taggedPosts, (before, batch) => {
        const perPost = new DisplaySpellings();
        const byRuns = new DisplaySpellings();
        for (const [key, spelling] of before) {
          perPost.record(key, spelling, 2_000);
          byRuns.record(key, spelling, 2_000);
        }
        for (const [key, spelling] of batch) perPost.record(key, spelling, 4_000);
        byRuns.recordBatch(tallied(batch), 4_000);
        expect(byRuns.snapshot()).toEqual(perPost.snapshot());
      }),
      { numRuns: 500 },
    );
  });
});
