import { getHeapStatistics } from 'node:v8';
import { ManualClock, StreamingContext } from '@/lib/engine';
import { createTrendsJob, parseStreamLine, postTimeMs, toParsedPost } from '@/lib/trends';
import type { ParsedPost, TrendsJobStateSizes } from '@/lib/trends';
import { BENCH_START_MS } from './bench-input';
import { floodLines } from './flood-lines';
import { collectGarbage } from './measure';
import { percentile } from './stats';

export interface FloodReport {
  distinctTagsPerHour: number;
  postsPerSec: number;
  virtualMinutes: number;
  posts: number;
  /** Largest `heapUsed` seen after any batch, garbage included, MB. */
  peakHeapMb: number;
  /** Largest heap after a full GC (sampled once a virtual minute), MB: what the state holds. */
  peakRetainedHeapMb: number;
  /** Typed-array tables (de-duplication) outside the V8 heap at that point, MB. */
  arrayBuffersMb: number;
  /** The job's state sizes at the largest retained heap. */
  sizes: TrendsJobStateSizes | undefined;
  /** V8's heap limit of this process, MB (`--max-old-space-size`). */
  heapLimitMb: number;
  /** Each batch's close (the engine's processing time), ms, in batch order. */
  closesMs: number[];
}

const MB = 2 ** 20;
const BATCH_INTERVAL_MS = 2_000;

/**
 * The trends job with its default options fed a flood of new hashtags (`floodLines`) as fast as
 * it takes them, in virtual time, as the server replays a fixture at max speed. Measures memory
 * (the heap after every batch, and after a full GC once a virtual minute) and each batch's close,
 * with every window full once the flood has run an hour.
 */
export async function runFlood(options: {
  distinctTagsPerHour: number;
  postsPerSec: number;
  minutes: number;
  seed: number;
}): Promise<FloodReport> {
  const clock = new ManualClock(BENCH_START_MS);
  const ssc = new StreamingContext({ batchIntervalMs: BATCH_INTERVAL_MS, clock });
  const input = ssc.pushStream<ParsedPost>();
  let peakHeap = 0;
  const job = createTrendsJob(ssc, input, {}, () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
  const closesMs: number[] = [];
  ssc.onBatchCompleted((info) => closesMs.push(info.processingDelayMs));
  ssc.start();
  const report: FloodReport = {
    distinctTagsPerHour: options.distinctTagsPerHour,
    postsPerSec: options.postsPerSec,
    virtualMinutes: options.minutes,
    posts: 0,
    peakHeapMb: 0,
    peakRetainedHeapMb: 0,
    arrayBuffersMb: 0,
    sizes: undefined,
    heapLimitMb: getHeapStatistics().heap_size_limit / MB,
    closesMs,
  };
  let nextSampleMs = BENCH_START_MS + 60_000;
  for (const raw of floodLines({
    ...options,
    startMs: BENCH_START_MS,
    durationMs: options.minutes * 60_000,
  })) {
    const parsed = parseStreamLine(raw);
    if (!parsed.ok) throw new Error(`flood line rejected: ${parsed.reason}`);
    const timeMs = postTimeMs(parsed.line.data)!;
    if (timeMs > clock.now()) await clock.advanceTo(timeMs);
    input.push(toParsedPost(parsed.line.data, parsed.line.includes));
    report.posts++;
    if (timeMs >= nextSampleMs) {
      nextSampleMs += 60_000;
      collectGarbage();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      if (heapUsed / MB > report.peakRetainedHeapMb) {
        report.peakRetainedHeapMb = heapUsed / MB;
        report.arrayBuffersMb = arrayBuffers / MB;
        report.sizes = job.stateSizes();
      }
    }
  }
  ssc.stop();
  report.peakHeapMb = peakHeap / MB;
  return report;
}

export function formatFloodReport(report: FloodReport): string {
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  return [
    `flood: ${report.distinctTagsPerHour.toLocaleString('en-US')} new hashtags an hour, ` +
      `${report.postsPerSec} posts/s, ${report.virtualMinutes} virtual minutes, ` +
      `${report.posts.toLocaleString('en-US')} posts, default windows, max speed`,
    `peak heap ${mb(report.peakHeapMb)} (after a full GC: ${mb(report.peakRetainedHeapMb)}; ` +
      `typed arrays ${mb(report.arrayBuffersMb)}; heap limit ${mb(report.heapLimitMb)})`,
    `state at that point: ${JSON.stringify(report.sizes)}`,
    formatCloses(report.closesMs),
    '',
  ].join('\n');
}

/** The closes' spread and the slowest ones with their virtual minute (every window full). */
function formatCloses(closesMs: number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const minuteOf = (batch: number) => ((batch + 1) * BATCH_INTERVAL_MS) / 60_000;
  const slowest = closesMs
    .map((closeMs, batch) => ({ closeMs, batch }))
    .sort((a, b) => b.closeMs - a.closeMs)
    .slice(0, 5)
    .map(({ closeMs, batch }) => `${ms(closeMs)} at minute ${minuteOf(batch).toFixed(1)}`);
  return (
    `batch closes: ${closesMs.length}, p50 ${ms(percentile(closesMs, 0.5))}, ` +
    `p99 ${ms(percentile(closesMs, 0.99))}; slowest ${slowest.join(', ')}`
  );
}
