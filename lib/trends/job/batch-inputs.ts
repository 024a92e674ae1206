import type { FilterBatchInput } from '../filters/filter-batch-input';
import type { StoredPost } from '../detail/detail-types';
import type { ParsedPost } from '../types';
import type { BatchTagTallies } from './batch-tag-tallies';

/** An exact window's part of a batch: its `[key, count]` pairs (counts > 0) and its posts. */
export interface ExactWindowInput {
  windowMs: number;
  pairs: [string, number][];
  tweets: number;
}

/**
 * Everything the engine computed for one batch, gathered by one transform before the job's
 * state assembles the batch's result from it (`TrendsJobState.assemble`). Arrays are the
 * engine's: read them, never mutate them.
 */
export interface BatchInputs {
  batchTime: number;
  /** The batch's posts after de-duplication. */
  posts: ParsedPost[];
  /** The new posts with hashtags (`tagTallies` holds each tag's posts as indexes into them)… */
  taggedPosts: ParsedPost[];
  /** …and each as a tag's detail would store it, when built ahead. */
  preparedPosts: (StoredPost | undefined)[];
  /** Posts dropped as already seen. */
  duplicates: number;
  /** `[key, count]` per distinct hashtag of the batch's posts… */
  batchPairs: [string, number][];
  /** …and the same keys' counts, posts and spellings, in the same order. */
  tagTallies: BatchTagTallies;
  /** One entry per exact window, shortest first. */
  exactWindows: ExactWindowInput[];
  /** The filter dimensions' counts; absent when they are off. */
  filters?: FilterBatchInput;
}
