import type { HeavyHittersTop } from '../sketches/heavy-hitters-window';
import { topCounts } from '../sketches/top-n';
import type { TagCount, WindowResult } from '../types';
import { windowLabel } from './trends-options';

type SpellingOf = (key: string) => string;

/** `[key, count]` pairs as exact `TagCount`s with their display spelling. */
export function exactTagCounts(pairs: [string, number][], spellingOf: SpellingOf): TagCount[] {
  return pairs.map(([key, count]) => ({ key, tag: spellingOf(key), count, error: 0 }));
}

/**
 * An exact window's result: its top-N of the window's `[key, count]` pairs. With `errorOf` (the
 * window cut new keys at its bound) it is approximate: the top-N by counted posts, each `count`
 * raised by its `error`, so that as in heavy-hitters mode `count ≥ true ≥ count − error`.
 */
export function exactWindowResult(
  windowMs: number,
  pairs: [string, number][],
  tweets: number,
  topN: number,
  spellingOf: SpellingOf,
  errorOf?: (key: string) => number,
): WindowResult {
  const top = topCounts(pairs, topN);
  return {
    label: windowLabel(windowMs),
    windowMs,
    tweets,
    top:
      errorOf === undefined
        ? exactTagCounts(top, spellingOf)
        : top.map(([key, counted]) => {
            const error = errorOf(key);
            return { key, tag: spellingOf(key), count: counted + error, error };
          }),
    approximate: errorOf !== undefined,
  };
}

/** A heavy-hitters window's result: counts are upper bounds with their `error`. */
export function heavyWindowResult(
  windowMs: number,
  heavy: HeavyHittersTop,
  spellingOf: SpellingOf,
): WindowResult {
  return {
    label: windowLabel(windowMs),
    windowMs,
    tweets: heavy.posts,
    top: heavy.top.map(({ key, count, error }) => ({ key, tag: spellingOf(key), count, error })),
    approximate: true,
  };
}
