/** Consecutive posts of one key with the same spelling. */
export interface SpellingRun {
  spelling: string;
  times: number;
}

/**
 * One hashtag key's part of a batch, folded as the posts arrive: how many posts carry it and
 * with which spellings, as runs of the same spelling in arrival order. Most keys come with one
 * spelling in a batch, so the runs are kept only from the second distinct spelling on; the
 * batch's end then records a run in one step (`DisplaySpellings.recordTimes`) instead of once
 * per post, with the same result.
 */
export interface BatchTagTally {
  count: number;
  /** The indexes of the posts carrying the key among the batch's posts with hashtags, in order. */
  posts: number[];
  /** The spelling of the key's first post in the batch. */
  spelling: string;
  /** Every post's spelling, as runs in arrival order, once a second distinct spelling arrives. */
  runs: SpellingRun[] | undefined;
}

/** The batch's tallies by key, in the order the keys were first seen. */
export type BatchTagTallies = Map<string, BatchTagTally>;

/** Counts one post's `spelling` of `key`; `post` is its index among the batch's tagged posts. */
export function tallyTag(
  tallies: BatchTagTallies,
  key: string,
  spelling: string,
  post: number,
): void {
  const tally = tallies.get(key);
  if (tally === undefined) {
    tallies.set(key, { count: 1, posts: [post], spelling, runs: undefined });
    return;
  }
  tally.count++;
  tally.posts.push(post);
  const runs = tally.runs;
  if (runs === undefined) {
    if (spelling === tally.spelling) return;
    tally.runs = [
      { spelling: tally.spelling, times: tally.count - 1 },
      { spelling, times: 1 },
    ];
    return;
  }
  const last = runs[runs.length - 1]!;
  if (last.spelling === spelling) last.times++;
  else runs.push({ spelling, times: 1 });
}

/** `[key, count]` per key, in the order the keys were first seen (the batch's reduceByKey). */
export function tallyPairs(tallies: BatchTagTallies): [string, number][] {
  const pairs = new Array<[string, number]>(tallies.size);
  let index = 0;
  for (const [key, tally] of tallies) pairs[index++] = [key, tally.count];
  return pairs;
}
