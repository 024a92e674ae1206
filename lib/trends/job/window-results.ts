import type { HeavyHittersTop } from '../sketches/heavy-hitters-window';
import { topCounts } from '../sketches/top-n';
import type { TagCount, WindowResult } from '../types';
import { windowLabel } from './trends-options';

type SpellingOf = (key: string) => string;

/** `[key, count]` pairs as exact `TagCount`s with their display spelling. */
export function exactTagCounts(pairs: [string, number][], spellingOf: SpellingOf): TagCount[] {
  return pairs.map(([key, count]) => ({ key, tag: spellingOf(key), count, error: 0 }));
}

/** An exact window's result: its top-N of the window's `[key, count]` pairs. */
export function exactWindowResult(
  windowMs: number,
  pairs: [string, number][],
  tweets: number,
  topN: number,
  spellingOf: SpellingOf,
): WindowResult {
  return {
    label: windowLabel(windowMs),
    windowMs,
    tweets,
    top: exactTagCounts(topCounts(pairs, topN), spellingOf),
    approximate: false,
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
