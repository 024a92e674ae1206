import type { BatchInfo } from '@/lib/engine/types';
import type { EngineStats } from '@/lib/protocol';
import type { Metrics } from '../metrics';

/** Input rate is averaged over this many recent batches. */
const RATE_BATCHES = 5;

/**
 * The running figures of the pipeline, kept once and reported twice: as the protocol's
 * `EngineStats` for the dashboard and as Prometheus metrics.
 */
export class EngineStatsTracker {
  private stats: EngineStats;
  private readonly recentRecords: number[] = [];

  constructor(
    batchIntervalMs: number,
    private readonly metrics?: Metrics,
  ) {
    this.stats = {
      batchIntervalMs,
      batches: 0,
      inputRatePerSec: 0,
      lastProcessingMs: 0,
      lastSchedulingDelayMs: 0,
      lastTotalDelayMs: 0,
      droppedTweets: 0,
      badLines: 0,
      duplicateTweets: 0,
      tweetsIngested: 0,
      failedBatches: 0,
    };
  }

  recordBatch(info: BatchInfo): void {
    const stats = this.stats;
    stats.batches++;
    stats.lastProcessingMs = info.processingDelayMs;
    stats.lastSchedulingDelayMs = info.schedulingDelayMs;
    stats.lastTotalDelayMs = info.totalDelayMs;
    stats.tweetsIngested += info.numRecords;
    stats.droppedTweets += info.droppedRecords;
    if (info.error !== undefined) stats.failedBatches++;
    this.recentRecords.push(info.numRecords);
    if (this.recentRecords.length > RATE_BATCHES) this.recentRecords.shift();
    const records = this.recentRecords.reduce((sum, count) => sum + count, 0);
    stats.inputRatePerSec = records / ((this.recentRecords.length * stats.batchIntervalMs) / 1000);
    const metrics = this.metrics;
    if (!metrics) return;
    metrics.batches.inc();
    metrics.tweetsIngested.inc(info.numRecords);
    metrics.tweetsDropped.inc(info.droppedRecords);
    if (info.error !== undefined) metrics.failedBatches.inc();
    metrics.batchProcessingSeconds.observe(info.processingDelayMs / 1000);
    metrics.batchSchedulingDelaySeconds.observe(Math.max(0, info.schedulingDelayMs) / 1000);
  }

  recordBadLine(): void {
    this.stats.badLines++;
    this.metrics?.badLines.inc();
  }

  recordDuplicates(count: number): void {
    if (count <= 0) return;
    this.stats.duplicateTweets += count;
    this.metrics?.duplicateTweets.inc(count);
  }

  /** A copy: callers may keep or send it. */
  current(): EngineStats {
    return { ...this.stats };
  }
}
