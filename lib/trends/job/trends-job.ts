import type { DStream, PushDStream, StreamingContext } from '@/lib/engine';
import type { BatchInputs, ExactWindowInput } from './batch-inputs';
import type { FilterBatchInput } from '../filters/filter-batch-input';
import { resolveTrendsOptions } from './trends-options';
import type { TrendsJobConfig, TrendsJobSettings } from './trends-options';
import { TrendsJobState } from './trends-job-state';
import type { TrendsJobStateSizes } from './trends-job-state';
import type { TrendsJobSnapshot } from './trends-job-snapshot';
import { TagHistory } from '../history/tag-history';
import { TagDetail } from '../detail/tag-detail';
import type { TagDetailSizes } from '../detail/tag-detail';
import type { ParsedPost, TrendsBatchResult } from '../types';
import { filterStreams } from '../filters/filter-streams';
import { PostArrivalCombiner } from './post-arrivals';
import { tallyPairs } from './batch-tag-tallies';
import type { FilteredViews } from '../filters/filtered-views';

export interface TrendsJob {
  /** The options in force (defaults filled, windows sorted shortest first). */
  readonly options: Readonly<TrendsJobConfig>;
  /** Sizes of the job's keyed state and of the detail, for memory metrics. */
  stateSizes(): TrendsJobStateSizes & TagDetailSizes;
  /** Per-minute counts of the tags that matter, for 24 hours. */
  readonly history: TagHistory;
  /** The latest posts and co-occurring tags of the same tags (those the history tracks). */
  readonly detail: TagDetail;
  /** The job's state outside the engine; take it between batches, with the engine's checkpoint. */
  snapshot(): TrendsJobSnapshot;
  /** Loads a `snapshot()` before the context starts (with the engine's `restore`). */
  restore(snapshot: TrendsJobSnapshot): void;
  /**
   * The latest batch's numbers under a language or originals filter; undefined before the first
   * batch or when the filter dimensions are off.
   */
  filteredViews(): FilteredViews | undefined;
}

const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const isPositive = (pair: [string, number]): boolean => pair[1] > 0;

/**
 * Defines the hashtag job on `input` (one `ParsedPost` per post, in any batch) before
 * `ssc.start()`, and calls `onResult` once per batch with the batch's counts, every window's
 * top-N and the trending list. Options are checked now (a `RangeError` names a bad one).
 *
 * Per post, as it arrives (the input's arrival stage, `PostArrivalCombiner`): de-duplication by
 * id over the longest window, `[key, 1]` per hashtag reduced by key into the batch's counts
 * (Spark's map-side combine), the trend evidence and the filter cells' counts.
 *
 * The graph, per batch, from what arrived:
 * - the batch's new posts and its `[key, count]` pairs (the `reduceByKey` done on arrival);
 * - exact windows (shorter than `heavyHittersFromMs`): the counts their key bound admits
 *   (`transform`, all of them below the bound) → `reduceByKeyAndWindow(+, −, windowMs,
 *   batchInterval, count > 0)`, incremental, and post totals by `count().reduceByWindow(+, −)`;
 * - all of that gathered by one `ssc.transform` into the batch's `BatchInputs`, from which the
 *   job's state assembles the result in one place (heavy-hitters panes, trending, spellings):
 *   nothing depends on the order in which outputs are defined.
 */
export function createTrendsJob(
  ssc: StreamingContext,
  input: PushDStream<ParsedPost>,
  settings: TrendsJobSettings,
  onResult: (result: TrendsBatchResult) => void,
): TrendsJob {
  const batchIntervalMs = ssc.batchIntervalMs;
  const options = resolveTrendsOptions(settings, batchIntervalMs);
  const state = new TrendsJobState(options, batchIntervalMs);
  const history = new TagHistory();
  const detail = new TagDetail({
    ...options.detail,
    longestWindowMs: options.windowsMs[options.windowsMs.length - 1]!,
  });
  const arrivals = input.combineOnArrival(
    new PostArrivalCombiner(state, state.cellCounter(), (post, batchTime) =>
      // Built ahead only where likely needed (a tag followed now); else built if the batch's end
      // decides a list takes it. Which tags take it is decided there either way.
      post.tags.some((tag) => history.isTracked(tag.key))
        ? detail.prepare(post, batchTime)
        : undefined,
    ),
  );
  const posts = arrivals.transform((batch) => batch[0]?.posts ?? []);
  const batchCounts = arrivals.transform((batch) =>
    batch.length === 0 ? [] : tallyPairs(batch[0]!.tagTallies),
  );
  const postCounts = posts.count();
  // Exact windows count the pairs their key bound admits (all of them below it).
  // One pair per tag (tallied on arrival), so the windows take these batches as their panes.
  const admitted = batchCounts
    .transform((pairs, batchTime) => state.admitExact(pairs, batchTime))
    .alreadyReducedByKey(add);
  const exactWindows = options.windowsMs
    .filter((windowMs) => !state.isHeavy(windowMs))
    .map((windowMs) => exactWindow(ssc, admitted, postCounts, windowMs));
  const filters = options.filterDimensions
    ? [
        filterStreams(
          ssc,
          arrivals.transform((batch) =>
            batch.length === 0 ? [] : [state.cellCounter()!.finish()],
          ),
          (pairs, batchTime) => state.admitExactCells(pairs, batchTime),
          options.windowsMs,
        ),
      ]
    : [];
  ssc
    .transform(
      [arrivals, posts, batchCounts, ...filters, ...exactWindows],
      ([arrived, fresh, pairs, ...rest], batchTime): BatchInputs[] => {
        const filterInput = filters.length > 0 ? (rest[0]![0] as FilterBatchInput) : undefined;
        const windows = rest.slice(filters.length) as ExactWindowInput[][];
        return [
          {
            batchTime,
            posts: fresh,
            taggedPosts: arrived[0]?.tagged ?? [],
            preparedPosts: arrived[0]?.prepared ?? [],
            duplicates: (arrived[0]?.received ?? 0) - fresh.length,
            batchPairs: pairs,
            tagTallies: arrived[0]?.tagTallies ?? new Map(),
            exactWindows: windows.map((window) => window[0]!),
            filters: filterInput,
          },
        ];
      },
    )
    .foreachBatch((inputs) => {
      const batch = inputs[0]!;
      history.addBatch(batch.batchPairs, batch.batchTime);
      const result = state.assemble(batch);
      for (const window of result.windows) history.noteTop(window.top.map((tag) => tag.key));
      history.noteTop(result.trending.map((tag) => tag.key));
      // After the top lists are noted: a tag that enters one now keeps this batch's posts.
      detail.sweep(history.isTracked);
      detail.addBatch(batch.taggedPosts, batch.batchTime, history.isTracked, {
        postsByTag: batch.tagTallies,
        prepared: batch.preparedPosts,
      });
      onResult(result);
    });
  return {
    options,
    history,
    detail,
    stateSizes: () => ({ ...state.sizes(), ...detail.sizes() }),
    snapshot: () => ({
      ...state.snapshot(),
      history: history.snapshot(),
      detail: detail.snapshot(),
    }),
    restore: (snapshot) => {
      state.restore(snapshot);
      history.restore(snapshot.history);
      // Checkpoints made before the detail was kept have none: it starts empty.
      if (snapshot.detail !== undefined) detail.restore(snapshot.detail);
    },
    filteredViews: () => state.filteredViews(),
  };
}

/** One exact window's pairs and post total, as one item per batch. */
function exactWindow(
  ssc: StreamingContext,
  admitted: DStream<[string, number]>,
  postCounts: DStream<number>,
  windowMs: number,
): DStream<ExactWindowInput> {
  const batchIntervalMs = ssc.batchIntervalMs;
  return ssc.transform(
    [
      admitted.reduceByKeyAndWindow(add, subtract, windowMs, batchIntervalMs, isPositive),
      postCounts.reduceByWindow(add, subtract, windowMs, batchIntervalMs),
    ],
    ([pairs, totals]) => [{ windowMs, pairs, tweets: totals[0] ?? 0 }],
  );
}
