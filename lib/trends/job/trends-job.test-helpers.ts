import { ManualClock, StreamingContext } from '@/lib/engine';
import { hashtagKey } from '../parsing/hashtag-key';
import { createTrendsJob } from './trends-job';
import type { TrendsJobSettings } from './trends-options';
import type { ParsedPost, TrendsBatchResult } from '../types';

export const BATCH_MS = 2_000;

/** A post with the given hashtag spellings (distinct keys, first spelling kept, as parsing does). */
export function post(id: string, spellings: string[], authorId = `author-${id}`): ParsedPost {
  const tags: ParsedPost['tags'] = [];
  for (const spelling of spellings) {
    const key = hashtagKey(spelling);
    if (!tags.some((tag) => tag.key === key)) tags.push({ key, spelling });
  }
  return { id, authorId, isRetweet: false, tags };
}

/** The job on a real context with a manual clock; `batch(posts)` pushes them and runs one batch. */
export function createJobHarness(settings: TrendsJobSettings) {
  const clock = new ManualClock(0);
  const ssc = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
  const input = ssc.pushStream<ParsedPost>();
  const results: TrendsBatchResult[] = [];
  const job = createTrendsJob(ssc, input, settings, (result) => results.push(result));
  const errors: unknown[] = [];
  ssc.onBatchCompleted((info) => {
    if (info.error !== undefined) errors.push(info.error);
  });
  ssc.start();
  return {
    job,
    results,
    errors,
    async batch(posts: ParsedPost[]): Promise<TrendsBatchResult> {
      for (const item of posts) input.push(item);
      await clock.advance(BATCH_MS);
      return results[results.length - 1]!;
    },
    stop: () => ssc.stop(),
  };
}

/** Exact counts of the posts whose batch time is in `(fromMs, toMs]`, ids de-duplicated. */
export function naiveWindow(
  batches: ParsedPost[][],
  fromMs: number,
  toMs: number,
  horizonMs: number,
): { counts: Map<string, number>; tweets: number } {
  const firstSeenMs = new Map<string, number>();
  const counts = new Map<string, number>();
  let tweets = 0;
  batches.forEach((posts, index) => {
    const batchTime = (index + 1) * BATCH_MS;
    for (const item of posts) {
      const seenMs = firstSeenMs.get(item.id);
      if (seenMs !== undefined && seenMs > batchTime - horizonMs) continue;
      firstSeenMs.set(item.id, batchTime);
      if (batchTime <= fromMs || batchTime > toMs) continue;
      tweets++;
      for (const tag of item.tags) counts.set(tag.key, (counts.get(tag.key) ?? 0) + 1);
    }
  });
  return { counts, tweets };
}
