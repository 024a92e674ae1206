import { ManualClock, StreamingContext } from '@/lib/engine';
import { createTrendsJob, parseStreamLine, postTimeMs, toParsedPost } from '@/lib/trends';
import type { ParsedPost, TrendsBatchResult } from '@/lib/trends';
import type { BenchInput } from './bench-input';
import type { BatchClose, Variant } from './measure';
import type { ViewFilter } from '@/lib/view-filters';
import { overlapMs, recordGcPauses } from './gc-pauses';
import type { TimeSpan } from './gc-pauses';

/**
 * (b) The whole job as the server runs a fixture: parseStreamLine → toParsedPost → pushStream,
 * the clock advanced by `created_at` (a ManualClock), every window, top-N and trending each batch.
 * Each batch's close and arrival work are kept apart from the engine's `BatchInfo` (`closes`),
 * with the garbage collector's pauses that fell inside each close.
 * (b0) with `filterDimensions` false: the same without the language and originals cells.
 * (bf) with `askedFilters`: as (b), and every batch's windows and trending lists under each of
 * those filters built too, as the dashboards under those filters need them (one per filter,
 * however many dashboards share it).
 */
export function trendsJobVariant(
  input: BenchInput,
  batchIntervalMs: number,
  windowsMs: number[],
  filterDimensions = true,
  askedFilters: readonly ViewFilter[] = [],
): Variant {
  const name =
    askedFilters.length > 0
      ? `(bf${askedFilters.length}) trends job, ${askedFilters.length} filter(s) asked every batch`
      : filterDimensions
        ? '(b) trends job'
        : '(b0) trends job, no filter dimensions';
  return {
    name,
    async run() {
      const clock = new ManualClock(Math.floor(input.startMs / batchIntervalMs) * batchIntervalMs);
      const ssc = new StreamingContext({ batchIntervalMs, clock });
      const posts = ssc.pushStream<ParsedPost>();
      let last: TrendsBatchResult | undefined;
      const job = createTrendsJob(ssc, posts, { windowsMs, filterDimensions }, (result) => {
        last = result;
        const views = askedFilters.length > 0 ? job.filteredViews() : undefined;
        for (const filter of views === undefined ? [] : askedFilters) {
          views!.windows(filter);
          views!.trending(filter, result);
        }
      });
      const closes: BatchClose[] = [];
      const closeSpans: TimeSpan[] = [];
      const gc = recordGcPauses();
      ssc.onBatchCompleted((info) => {
        const endMs = performance.now();
        closeSpans.push({ startMs: endMs - info.processingDelayMs, endMs });
        closes.push({
          closeMs: info.processingDelayMs,
          arrivalMs: info.arrivalMs,
          posts: info.numRecords,
        });
      });
      ssc.start();
      const batchMs: number[] = [];
      let nextBatchMs = clock.now() + batchIntervalMs;
      let batchStartedAt = performance.now();
      for (const raw of input.lines) {
        const parsed = parseStreamLine(raw);
        if (!parsed.ok) continue;
        const createdAtMs = postTimeMs(parsed.line.data);
        const timeMs = createdAtMs ?? clock.now();
        if (timeMs >= nextBatchMs) {
          await clock.advanceTo(timeMs);
          nextBatchMs = (Math.floor(timeMs / batchIntervalMs) + 1) * batchIntervalMs;
          const now = performance.now();
          batchMs.push(now - batchStartedAt);
          batchStartedAt = now;
        }
        posts.push(toParsedPost(parsed.line.data, parsed.line.includes, createdAtMs));
      }
      await clock.advanceTo(nextBatchMs);
      batchMs.push(performance.now() - batchStartedAt);
      ssc.stop();
      await gc.settled();
      gc.stop();
      closes.forEach((close, at) => (close.gcMs = overlapMs(gc.pauses, closeSpans[at]!)));
      if (last === undefined || last.windows.length !== windowsMs.length) {
        throw new Error('the job produced no result');
      }
      return { batchMs, closes, release: () => void [job, ssc] };
    },
  };
}
