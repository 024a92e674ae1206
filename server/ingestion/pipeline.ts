import type { Logger } from 'pino';
import { ManualClock, StreamingContext, SystemClock } from '@/lib/engine';
import type { Checkpoint, PushDStream } from '@/lib/engine';
import { createTrendsJob, parseStreamLine, toParsedPost } from '@/lib/trends';
import type { TrendsJob, TrendsJobSnapshot } from '@/lib/trends';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { FilteredViews } from '@/lib/trends/filters/filtered-views';
import type { TagDetail } from '@/lib/trends/detail/tag-detail';
import type { ParsedPost, TrendsBatchResult } from '@/lib/trends/types';
import type { EngineStatsTracker } from './engine-stats-tracker';
import type { TimeMode, TweetSink } from '../sources/types';
import { ThrottledLog } from './throttled-log';

export interface JobMemoryBounds {
  maxExactWindowKeys: number;
  maxSpellingKeys: number;
  maxDedupeIds: number;
  maxTrackedKeys: number;
  /** What is kept behind a trend (see `TagDetail`). */
  detailMaxTags?: number;
  detailMaxRelatedUnits?: number;
}

export interface PipelineOptions {
  /** `virtual`: batches follow the clock the source drives; `arrival`: the system clock. */
  timeMode: TimeMode;
  batchIntervalMs: number;
  windowsMs: number[];
  /** Posts beyond this many in one batch are dropped and counted (backpressure). */
  maxTweetsPerBatch: number;
  heavyHittersCapacity: number;
  /** Bounds of the job's keyed state; the job's defaults where omitted. */
  memoryBounds?: JobMemoryBounds;
  stats: EngineStatsTracker;
  onResult: (result: TrendsBatchResult) => void;
  logger?: Logger;
}

/** The engine's checkpoint and the job's state beside it: all a pipeline needs to go on. */
export interface PipelineState {
  engine: Checkpoint;
  job: TrendsJobSnapshot;
}

/**
 * Source → parse → engine → trends job → `onResult`. `sink` is what the source pushes into: a
 * keep-alive (empty line) is ignored, a malformed line is counted and skipped, never fatal.
 *
 * In virtual time the engine starts at the first `advanceTo`, with its zero time aligned to a
 * multiple of the batch interval, so batch times are round and a post of time `t` lands in
 * batch `floor(t / interval) * interval + interval` (or the current one if the clock is ahead).
 */
export class Pipeline {
  readonly sink: TweetSink;
  private readonly ssc: StreamingContext;
  private readonly input: PushDStream<ParsedPost>;
  private readonly manualClock: ManualClock | undefined;
  private readonly badLineLog: ThrottledLog;
  private readonly job: TrendsJob;

  constructor(private readonly options: PipelineOptions) {
    this.manualClock = options.timeMode === 'virtual' ? new ManualClock(0) : undefined;
    this.ssc = new StreamingContext({
      batchIntervalMs: options.batchIntervalMs,
      clock: this.manualClock ?? new SystemClock(),
    });
    this.input = this.ssc.pushStream<ParsedPost>({ maxItemsPerBatch: options.maxTweetsPerBatch });
    this.job = createTrendsJob(
      this.ssc,
      this.input,
      {
        windowsMs: options.windowsMs,
        heavyHittersCapacity: options.heavyHittersCapacity,
        maxExactWindowKeys: options.memoryBounds?.maxExactWindowKeys,
        maxSpellingKeys: options.memoryBounds?.maxSpellingKeys,
        maxDedupeIds: options.memoryBounds?.maxDedupeIds,
        trending: { maxTrackedKeys: options.memoryBounds?.maxTrackedKeys },
        detail: {
          maxTags: options.memoryBounds?.detailMaxTags,
          maxRelatedUnits: options.memoryBounds?.detailMaxRelatedUnits,
        },
      },
      (result) => {
        options.stats.recordDuplicates(result.duplicates);
        options.onResult(result);
      },
    );
    const failedBatchLog = new ThrottledLog(options.logger, 'batch failed');
    this.ssc.onBatchCompleted((info) => {
      options.stats.recordBatch(info);
      if (info.error !== undefined) {
        failedBatchLog.report({ batchTime: info.batchTime, err: info.error });
      }
    });
    this.badLineLog = new ThrottledLog(options.logger, 'skipped malformed input lines');
    this.sink = {
      line: (raw) => this.line(raw),
      advanceTo: (timeMs) => this.advanceTo(timeMs),
      // A `false` (bound reached) is counted by the engine as a dropped record.
      post: (post) => void this.input.push(post),
      badLine: (reason) => this.badLine(reason),
    };
  }

  /** Arrival time: starts batching now. Virtual time: batching starts with the source's clock. */
  start(): void {
    if (this.manualClock === undefined && this.ssc.state === 'initialized') this.ssc.start();
  }

  /** True while batches are being scheduled. */
  get running(): boolean {
    return this.ssc.state === 'active';
  }

  /**
   * Stops scheduling batches. Batches run synchronously, so none is ever cut in half: the one
   * running (if any) has completed by the time this runs.
   */
  stop(): void {
    this.ssc.stop();
  }

  /** Sizes of the job's keyed state and of the history, to watch memory. */
  stateSizes() {
    return { ...this.job.stateSizes(), ...this.job.history.sizes() };
  }

  /** Per-minute counts of the tags that matter (24 h). */
  get history(): TagHistory {
    return this.job.history;
  }

  /** The latest batch's numbers under a language or originals filter (see `FilteredViews`). */
  filteredViews(): FilteredViews | undefined {
    return this.job.filteredViews();
  }

  /** The latest posts and related tags of the tags that matter. */
  get detail(): TagDetail {
    return this.job.detail;
  }

  /** Time of the last batch run or restored; undefined before the first. */
  get lastBatchTime(): number | undefined {
    return this.ssc.lastBatch;
  }

  /** The whole state, between batches (batches run synchronously: any other code is between). */
  checkpoint(): PipelineState {
    return { engine: this.ssc.checkpoint(), job: this.job.snapshot() };
  }

  /**
   * Loads a `checkpoint()` of a pipeline with the same batch interval and windows into this
   * fresh one, before `start()`. Throws when it does not fit; the pipeline must then be dropped
   * (parts may be loaded already).
   */
  restore(state: PipelineState): void {
    this.ssc.restore(state.engine);
    this.job.restore(state.job);
  }

  /**
   * Arrival time, after `restore`: the batches due while the process was down count as empty
   * (see `StreamingContext.skipMissedBatches`). Returns how many were skipped.
   */
  skipMissedBatches(nowMs: number): number {
    return this.ssc.skipMissedBatches(nowMs);
  }

  private line(raw: string): void {
    const parsed = parseStreamLine(raw);
    if (!parsed.ok) {
      if (parsed.reason !== 'empty') this.badLine(parsed.reason);
      return;
    }
    // A `false` (bound reached) is counted by the engine as a dropped record.
    this.input.push(toParsedPost(parsed.line.data, parsed.line.includes));
  }

  private badLine(reason: string): void {
    this.options.stats.recordBadLine();
    this.badLineLog.report({ reason });
  }

  private async advanceTo(timeMs: number): Promise<void> {
    const clock = this.manualClock;
    if (clock === undefined || this.ssc.state === 'stopped') return;
    if (this.ssc.state === 'initialized') {
      // A restored replay goes on from its last batch; a fresh one starts at the first post.
      const interval = this.options.batchIntervalMs;
      await clock.advanceTo(this.ssc.lastBatch ?? Math.floor(timeMs / interval) * interval);
      this.ssc.start();
    }
    await clock.advanceTo(timeMs);
  }
}
