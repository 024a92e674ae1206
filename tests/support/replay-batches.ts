/**
 * Replays a fixture through the real `FixtureSource` and `Pipeline` at `max` speed and returns
 * every batch's result, for tests that compare ways of reading the same file batch by batch.
 */
import { createHash } from 'node:crypto';
import { EngineStatsTracker } from '@/server/ingestion/engine-stats-tracker';
import { Pipeline } from '@/server/ingestion/pipeline';
import { FixtureSource } from '@/server/sources/fixture/fixture-source';
import type { TrendsBatchResult } from '@/lib/trends/types';

export interface ReplayedBatches {
  results: TrendsBatchResult[];
  badLines: number;
  duplicates: number;
}

export interface ReplayBatchesOptions {
  path: string;
  parseWorkers: number;
  batchIntervalMs?: number;
  /** Replay in a loop, stopping at the first batch at or after this time. */
  loopUntilMs?: number;
}

export async function replayBatches(options: ReplayBatchesOptions): Promise<ReplayedBatches> {
  const batchIntervalMs = options.batchIntervalMs ?? 2000;
  const stats = new EngineStatsTracker(batchIntervalMs);
  const results: TrendsBatchResult[] = [];
  const loopUntilMs = options.loopUntilMs;
  const source = new FixtureSource({
    path: options.path,
    speed: 'max',
    loop: loopUntilMs !== undefined,
    drain: false,
    batchIntervalMs,
    parseWorkers: options.parseWorkers,
  });
  const pipeline = new Pipeline({
    timeMode: 'virtual',
    batchIntervalMs,
    windowsMs: [60_000, 300_000, 900_000, 3_600_000],
    maxTweetsPerBatch: 200_000,
    heavyHittersCapacity: 20_000,
    stats,
    onResult: (result) => {
      if (loopUntilMs !== undefined && result.batchTime > loopUntilMs) return;
      results.push(result);
      if (loopUntilMs !== undefined && result.batchTime === loopUntilMs) void source.stop();
    },
  });
  pipeline.start();
  await source.start(pipeline.sink);
  await source.finished();
  pipeline.stop();
  const { badLines, duplicateTweets } = stats.current();
  return { results, badLines, duplicates: duplicateTweets };
}

/** A SHA-256 of each batch result's JSON. */
export function batchHashes(results: readonly TrendsBatchResult[]): string[] {
  return results.map((result) =>
    createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16),
  );
}
