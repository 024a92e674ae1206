import type { Logger } from 'pino';
import type { Config } from '../config';
import { EngineStatsTracker } from './engine-stats-tracker';
import type { Readiness } from '../http/health-routes';
import type { Metrics } from '../metrics';
import { Pipeline } from './pipeline';
import type { PipelineState } from './pipeline';
import type { TimeMode, TweetSource } from '../sources/types';
import { InMemoryTrendStore } from './trend-store';

export interface Ingest {
  /** The current pipeline (replaced by `restorePipeline` before the start). */
  readonly pipeline: Pipeline;
  stats: EngineStatsTracker;
  store: InMemoryTrendStore;
  readonly timeMode: TimeMode;
  readonly batchIntervalMs: number;
  /** The configured windows, shortest first. */
  readonly windowsMs: readonly number[];
  /**
   * Replaces the pipeline by a fresh one loaded with `state`, before the start. On a throw the
   * current pipeline stays, untouched.
   */
  restorePipeline(state: PipelineState): void;
  /** Ready while the source is ready and the engine is running. */
  readiness(): Readiness;
}

/**
 * The ingestion side of the server: source → pipeline → store. `onBatch` runs after each batch's
 * result is in the store.
 */
export function createIngest(
  config: Readonly<Config>,
  source: TweetSource,
  metrics: Metrics,
  logger: Logger,
  onBatch: () => void,
): Ingest {
  const stats = new EngineStatsTracker(config.BATCH_INTERVAL_MS, metrics);
  const store = new InMemoryTrendStore();
  const windowsMs = config.WINDOWS.map((window) => window.windowMs);
  const createPipeline = () =>
    new Pipeline({
      timeMode: source.timeMode,
      batchIntervalMs: config.BATCH_INTERVAL_MS,
      windowsMs,
      maxTweetsPerBatch: config.MAX_TWEETS_PER_BATCH,
      heavyHittersCapacity: config.HEAVY_HITTERS_CAPACITY,
      stats,
      logger: logger.child({ component: 'pipeline' }),
      onResult: (result) => {
        store.record(result);
        onBatch();
      },
    });
  let pipeline = createPipeline();
  const readiness = (): Readiness => {
    const status = source.status();
    if (!source.isReady()) {
      return { ready: false, reason: `source ${status.connection.state}`, source: status };
    }
    if (!pipeline.running) return { ready: false, reason: 'engine not running', source: status };
    return { ready: true, source: status };
  };
  return {
    get pipeline() {
      return pipeline;
    },
    stats,
    store,
    timeMode: source.timeMode,
    batchIntervalMs: config.BATCH_INTERVAL_MS,
    windowsMs,
    restorePipeline(state) {
      const restored = createPipeline();
      restored.restore(state);
      pipeline = restored;
    },
    readiness,
  };
}
