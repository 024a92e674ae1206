import { DEFAULT_TRENDING_OPTIONS } from '../job/trends-options';
import { TrendTracker } from './trend-tracker';
import type { TrendingOptions, TrendLists } from './trend-tracker';

export const BATCH_MS = 2_000;
export const GATE_WINDOW_MS = 60_000;
export const MINUTE_BATCHES = GATE_WINDOW_MS / BATCH_MS;

export const OPTIONS: TrendingOptions = { ...DEFAULT_TRENDING_OPTIONS, maxTags: 10 };

export interface TestPost {
  key: string;
  author: string;
  /** Id of the retweeted post, for a retweet. */
  retweetOf?: string;
}

/** Drives a tracker batch by batch, keeping exact shortest-window counts beside it. */
export function createTrackerHarness(options: TrendingOptions = OPTIONS) {
  const tracker = new TrendTracker(options, GATE_WINDOW_MS, BATCH_MS);
  const history: { batchMs: number; counts: Map<string, number> }[] = [];
  const windowCounts = new Map<string, number>();
  let batchMs = 0;
  return {
    tracker,
    get batchMs() {
      return batchMs;
    },
    /** Runs one batch of `posts` and returns the lists. */
    batch(posts: TestPost[]): TrendLists {
      batchMs += BATCH_MS;
      const counts = new Map<string, number>();
      for (const post of posts) {
        tracker.observe(post.key, post.author, post.retweetOf, batchMs);
        counts.set(post.key, (counts.get(post.key) ?? 0) + 1);
        windowCounts.set(post.key, (windowCounts.get(post.key) ?? 0) + 1);
      }
      history.push({ batchMs, counts });
      while (history[0]!.batchMs <= batchMs - GATE_WINDOW_MS) {
        for (const [key, count] of history.shift()!.counts) {
          const left = windowCounts.get(key)! - count;
          if (left === 0) windowCounts.delete(key);
          else windowCounts.set(key, left);
        }
      }
      tracker.endBatch(batchMs);
      if ((batchMs / BATCH_MS) % MINUTE_BATCHES === 0) tracker.sweep(batchMs);
      return tracker.rank(batchMs, windowCounts, (key) => key.toUpperCase());
    },
  };
}

/** `count` posts of `key`, each from its own author `${prefix}0`, `${prefix}1`, … */
export function postsOf(key: string, count: number, prefix: string): TestPost[] {
  return Array.from({ length: count }, (_, index) => ({ key, author: `${prefix}${index}` }));
}

/** Keys of both lists. */
export function listedKeys(lists: TrendLists): string[] {
  return [...lists.trending, ...lists.cooling].map((tag) => tag.key);
}
