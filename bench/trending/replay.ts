import { ManualClock, StreamingContext } from '@/lib/engine';
import { createTrendsJob } from '@/lib/trends';
import type { TrendsJobSettings } from '@/lib/trends';
import type { ParsedPost, TrendsBatchResult } from '@/lib/trends/types';
import { ScenarioStream } from './scenario-stream';
import type { ScenarioPlan } from './scenario-types';

/** What one evaluated batch listed: the app's top 10 "Trending now", its cooling list, the naive top 10. */
export interface BatchListing {
  batchMs: number;
  trending: string[];
  cooling: string[];
  naive: string[];
  warmUpEndsMs: number | null;
}

export interface ReplayResult {
  listings: BatchListing[];
  /** Posts replayed in the evaluated stretch. */
  posts: number;
  errors: unknown[];
}

export const TOP_SLOTS = 10;

/**
 * Replays `plan` through the real job (`createTrendsJob` on a `StreamingContext` driven by a
 * `ManualClock`, 2 s batches, default windows) from yesterday's stretch, through the quiet night,
 * to the end of today's, and records today's lists batch by batch. The naive ranking is the
 * shortest window's (1 min) top 10 by count from the same job.
 */
export async function replayScenario(
  plan: ScenarioPlan,
  settings: TrendsJobSettings = {},
): Promise<ReplayResult> {
  const startMs = Math.min(plan.yesterday.startMs, plan.todayMs);
  const clock = new ManualClock(startMs);
  const ssc = new StreamingContext({ batchIntervalMs: plan.batchIntervalMs, clock });
  const input = ssc.pushStream<ParsedPost>();
  const listings: BatchListing[] = [];
  const errors: unknown[] = [];
  const record = (result: TrendsBatchResult) => {
    if (result.batchTime <= plan.todayMs) return;
    listings.push({
      batchMs: result.batchTime,
      trending: result.trending.slice(0, TOP_SLOTS).map((tag) => tag.key),
      cooling: result.cooling.map((tag) => tag.key),
      naive: (result.windows[0]?.top ?? []).slice(0, TOP_SLOTS).map((tag) => tag.key),
      warmUpEndsMs: result.trendWarmUpEndsMs,
    });
  };
  createTrendsJob(ssc, input, settings, record);
  ssc.onBatchCompleted((info) => {
    if (info.error !== undefined) errors.push(info.error);
  });
  ssc.start();
  const stream = new ScenarioStream(plan);
  let posts = 0;
  const endMs = plan.todayMs + plan.durationMs;
  const { batchIntervalMs, yesterday } = plan;
  for (let batchMs = startMs + batchIntervalMs; batchMs <= endMs; batchMs += batchIntervalMs) {
    // The quiet night: no posts, so jump to shortly before today.
    if (batchMs > yesterday.endMs && batchMs <= plan.todayMs - 2 * 60_000) {
      await clock.advanceTo(plan.todayMs - 2 * 60_000);
      batchMs = plan.todayMs - 2 * 60_000;
      continue;
    }
    const batch = stream.postsOfBatch(batchMs);
    if (batchMs > plan.todayMs) posts += batch.length;
    for (const post of batch) input.push(post);
    await clock.advanceTo(batchMs);
  }
  ssc.stop();
  return { listings, posts, errors };
}
