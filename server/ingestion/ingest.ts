import type { Logger } from 'pino';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { TagHistorySnapshot } from '@/lib/trends/history/tag-history-types';
import type { Config } from '../config';
import { EngineStatsTracker } from './engine-stats-tracker';
import type { Metrics } from '../metrics';
import { Pipeline } from './pipeline';
import type { PipelineState } from './pipeline';
import type { TimeMode } from '../sources/types';
import { InMemoryTrendStore } from './trend-store';

/** What outlives any one pipeline: the running figures and the results served. */
export interface IngestShared {
  stats: EngineStatsTracker;
  store: InMemoryTrendStore;
}

/** One source's pipeline, with what a checkpoint captures and restores beside it. */
export interface Ingest extends IngestShared {
  /** The current pipeline (replaced by `restorePipeline` before the start). */
  readonly pipeline: Pipeline;
  readonly timeMode: TimeMode;
  readonly batchIntervalMs: number;
  /** The configured windows, shortest first. */
  readonly windowsMs: readonly number[];
  /**
   * Replaces the pipeline by a fresh one loaded with `state`, before the start. On a throw the
   * current pipeline stays, untouched.
   */
  restorePipeline(state: PipelineState): void;
  /**
   * Replaces the pipeline by a fresh one holding only `history` (the per-minute counts), before
   * the start: for state whose windows this pipeline cannot take. On a throw nothing changes.
   */
  restoreHistoryOnly(history: TagHistorySnapshot): void;
}

export function createIngestShared(config: Readonly<Config>, metrics: Metrics): IngestShared {
  return {
    stats: new EngineStatsTracker(config.BATCH_INTERVAL_MS, metrics),
    store: new InMemoryTrendStore(),
  };
}

/**
 * The ingestion side of the server for one source: source → pipeline → `onResult`. One process
 * makes one; with several instances the lease holder makes one per period it holds the lease.
 */
export function createIngest(
  config: Readonly<Config>,
  shared: IngestShared,
  timeMode: TimeMode,
  logger: Logger,
  onResult: (result: TrendsBatchResult) => void,
): Ingest {
  const windowsMs = config.WINDOWS.map((window) => window.windowMs);
  const pipelineLogger = logger.child({ component: 'pipeline' });
  const createPipeline = () =>
    new Pipeline({
      timeMode,
      batchIntervalMs: config.BATCH_INTERVAL_MS,
      windowsMs,
      maxTweetsPerBatch: config.MAX_TWEETS_PER_BATCH,
      heavyHittersCapacity: config.HEAVY_HITTERS_CAPACITY,
      memoryBounds: {
        maxExactWindowKeys: config.EXACT_WINDOW_MAX_KEYS,
        maxSpellingKeys: config.SPELLING_MAX_KEYS,
        maxDedupeIds: config.DEDUPE_MAX_IDS,
        maxTrackedKeys: config.TREND_MAX_KEYS,
        detailMaxTags: config.DETAIL_MAX_TAGS,
        detailMaxRelatedUnits: config.DETAIL_MAX_RELATED_UNITS,
      },
      stats: shared.stats,
      logger: pipelineLogger,
      onResult,
    });
  let pipeline = createPipeline();
  return {
    get pipeline() {
      return pipeline;
    },
    ...shared,
    timeMode,
    batchIntervalMs: config.BATCH_INTERVAL_MS,
    windowsMs,
    restorePipeline(state) {
      const restored = createPipeline();
      restored.restore(state);
      pipeline = restored;
    },
    restoreHistoryOnly(history) {
      const restored = createPipeline();
      restored.history.restore(history);
      pipeline = restored;
    },
  };
}
