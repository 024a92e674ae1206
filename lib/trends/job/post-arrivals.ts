import type { ArrivalCombiner } from '@/lib/engine';
import type { CellCounter } from '../filters/cell-counts';
import type { StoredPost } from '../detail/detail-types';
import type { ParsedPost } from '../types';
import { tallyTag } from './batch-tag-tallies';
import type { BatchTagTallies } from './batch-tag-tallies';

/** Per post, as it arrives: is it new (de-duplication) and its trend evidence. */
export interface ArrivalSteps {
  /** Opens the batch's de-duplication (ids of batches past the longest window expire). */
  beginBatch(batchTime: number): void;
  /** True when the post's id was not seen in this batch nor in the longest window before. */
  admit(post: ParsedPost): boolean;
  /** The post's trend evidence per tag (authors, original posts), in the batch of `batchTime`. */
  observeTrend(post: ParsedPost, batchTime: number): void;
}

/** One batch's posts as folded on arrival: what the job's graph reads when the batch runs. */
export interface PostArrivals {
  /** Posts pushed for the batch (accepted by the input's bound), duplicates included. */
  received: number;
  /** The batch's posts after de-duplication, in arrival order. */
  posts: ParsedPost[];
  /** Per distinct hashtag of `posts`, first-seen order: its count (reduceByKey, map-side) and spellings. */
  tagTallies: BatchTagTallies;
  /** The new posts with hashtags, in arrival order (the only ones a tag's detail keeps)… */
  tagged: ParsedPost[];
  /** …and each as the detail would store it, built ahead (`TagDetail.prepare`) or undefined. */
  prepared: (StoredPost | undefined)[];
}

/** What a checkpoint holds of the open batch: its new posts (the rest is rebuilt from them). */
interface SavedPostArrivals {
  received: number;
  posts: ParsedPost[];
}

/**
 * The job's arrival stage (see `PushDStream.combineOnArrival`): per post, as it is pushed, the
 * de-duplication, the hashtag counts (the `[key, 1]` pairs reduced by key, Spark's map-side
 * combine) with the posts carrying each tag, the trend evidence, the filter cells' counts and, for
 * a post with a followed tag, the post as a tag's detail would store it. What depends on the
 * batch's end (windows, top-N, trending, spellings, which tags' details take a post) waits for the
 * batch to run.
 *
 * Checkpoint: de-duplication and trend evidence live in the job's state, which the job's own
 * snapshot holds; the open batch's new posts are saved, and its hashtag and cell counts are
 * rebuilt from them on load (without admitting or observing them a second time).
 */
export class PostArrivalCombiner implements ArrivalCombiner<ParsedPost, PostArrivals> {
  constructor(
    private readonly steps: ArrivalSteps,
    private readonly cells: CellCounter | undefined,
    /** The post as a tag's detail stores it, or undefined to leave that to the batch's end. */
    private readonly prepare: (post: ParsedPost, batchTime: number) => StoredPost | undefined,
  ) {}

  open(batchTime: number): PostArrivals {
    this.steps.beginBatch(batchTime);
    this.cells?.begin();
    return { received: 0, posts: [], tagTallies: new Map(), tagged: [], prepared: [] };
  }

  add(arrivals: PostArrivals, post: ParsedPost, batchTime: number): void {
    arrivals.received++;
    if (!this.steps.admit(post)) return;
    this.steps.observeTrend(post, batchTime);
    this.count(arrivals, post, batchTime);
  }

  save(arrivals: PostArrivals): SavedPostArrivals {
    return { received: arrivals.received, posts: arrivals.posts };
  }

  load(saved: unknown, batchTime: number): PostArrivals {
    const { received, posts } = saved as SavedPostArrivals;
    if (!Number.isInteger(received) || !Array.isArray(posts)) {
      throw new TypeError('job checkpoint: malformed arrival state');
    }
    this.cells?.begin();
    const arrivals: PostArrivals = {
      received,
      posts: [],
      tagTallies: new Map(),
      tagged: [],
      prepared: [],
    };
    for (const post of posts) this.count(arrivals, post, batchTime);
    return arrivals;
  }

  /** A new post's part of the batch's counts, and its stored form for the detail. */
  private count(arrivals: PostArrivals, post: ParsedPost, batchTime: number): void {
    arrivals.posts.push(post);
    this.cells?.countPost(post);
    const tags = post.tags;
    if (tags.length === 0) return;
    const tallies = arrivals.tagTallies;
    const index = arrivals.tagged.length;
    for (let tag = 0; tag < tags.length; tag++)
      tallyTag(tallies, tags[tag]!.key, tags[tag]!.spelling, index);
    arrivals.tagged.push(post);
    arrivals.prepared.push(this.prepare(post, batchTime));
  }
}
