import type { TrendBoardOptions } from './trend-board';
import type { TrendGateOptions } from './trend-gates';
import type { TrendingScoreOptions } from './trending-score';

/** Every knob of the trending lists; defaults in `lib/trends/job/trends-options.ts`. */
export interface TrendingOptions extends TrendingScoreOptions, TrendGateOptions, TrendBoardOptions {
  /** Weight of a retweet in the evidence, before its share among retweets of the same post. */
  retweetWeight: number;
  /** Daily habits: how long trend episodes are remembered and the time-of-day tolerance. */
  dailyMemoryMs: number;
  dailyToleranceMs: number;
  maxRememberedKeys: number;
  /**
   * A stretch this long without any post (a disconnect, a stopped source) means the job was not
   * watching: the warm-up starts again at the next post (5 min).
   */
  restartAfterSilenceMs: number;
  /** Hard bound on keys with trend state; the smallest baselines go first beyond it. */
  maxTrackedKeys: number;
  /** Longest "rising now" and "cooling down" lists. */
  maxTags: number;
}
