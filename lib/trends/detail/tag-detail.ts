import type { ParsedPost } from '../types';
import { CoOccurrence } from './co-occurrence';
import type {
  RelatedCounts,
  StoredPost,
  TagDetailOptions,
  TagDetailSnapshot,
} from './detail-types';
import { LatestPosts } from './latest-posts';
import { toStoredPost } from './detail-post';

export const DEFAULT_DETAIL_OPTIONS: Readonly<Omit<TagDetailOptions, 'longestWindowMs'>> =
  Object.freeze({
    postsPerTag: 20,
    maxTags: 1500,
    maxRelatedUnits: 300_000,
    maxTextLength: 560,
  });

export interface TagDetailSizes {
  detailTags: number;
  detailPosts: number;
  relatedUnits: number;
}

/**
 * What is behind a trend, for the tags that matter (`matters`, the history's tracked tags: every
 * tag in a window's top list or the trending list, and every watched tag): the latest posts
 * carrying each (`LatestPosts`) and the tags that appear in the same posts, per batch
 * (`CoOccurrence`). Tags are followed from the batch they first matter in; at most `maxTags`,
 * the least recently seen going first, and those that stop mattering are let go.
 */
export class TagDetail {
  readonly options: TagDetailOptions;
  private readonly latest: LatestPosts;
  private readonly coOccurrence: CoOccurrence;
  /** Followed tags, least recently seen first. */
  private readonly followed = new Map<string, number>();

  constructor(options: Partial<TagDetailOptions> & { longestWindowMs: number }) {
    this.options = { ...DEFAULT_DETAIL_OPTIONS, ...options };
    this.latest = new LatestPosts(this.options.postsPerTag, this.options.maxTextLength);
    this.coOccurrence = new CoOccurrence(
      this.options.maxRelatedUnits,
      this.options.longestWindowMs,
    );
  }

  /**
   * A post as it would be stored if one of its tags is followed, built ahead (as the post
   * arrives) so that `addBatch` only decides which lists take it.
   */
  prepare(post: ParsedPost, batchTime: number): StoredPost {
    return toStoredPost(post, batchTime, this.options.maxTextLength);
  }

  /**
   * A batch's de-duplicated posts; only tags for which `matters` holds are kept. `prepared[i]`,
   * when defined, is `prepare(posts[i], batchTime)`, taken instead of building the stored post.
   */
  addBatch(
    posts: readonly ParsedPost[],
    batchTime: number,
    matters: (key: string) => boolean,
    prepared?: readonly (StoredPost | undefined)[],
  ) {
    const keys: string[] = [];
    for (let index = 0; index < posts.length; index++) {
      const post = posts[index]!;
      const tags = post.tags;
      if (tags.length === 0) continue;
      keys.length = 0;
      let letGo = false;
      for (let tag = 0; tag < tags.length; tag++) {
        const key = tags[tag]!.key;
        if (!matters(key)) continue;
        keys.push(key);
        if (this.follow(key, batchTime)) letGo = true;
        this.coOccurrence.add(key, tags, batchTime);
      }
      // A tiny `maxTags` may let go of a tag of this very post.
      const held = letGo && keys.length > 1 ? keys.filter((key) => this.followed.has(key)) : keys;
      this.latest.add(post, held, batchTime, prepared?.[index]);
    }
    this.coOccurrence.expire(batchTime);
  }

  /** Lets go of the followed tags that no longer matter (e.g. once a minute). */
  sweep(matters: (key: string) => boolean): void {
    for (const key of [...this.followed.keys()]) if (!matters(key)) this.drop(key);
  }

  /** The tag's latest posts, newest first. */
  postsOf(key: string): readonly StoredPost[] {
    return this.latest.postsOf(key);
  }

  /** The tag's related tags over `(batchTime − windowMs, batchTime]`. */
  relatedOf(key: string, windowMs: number, batchTime: number): RelatedCounts {
    return this.coOccurrence.relatedOf(key, windowMs, batchTime);
  }

  isFollowed(key: string): boolean {
    return this.followed.has(key);
  }

  sizes(): TagDetailSizes {
    return {
      detailTags: this.followed.size,
      detailPosts: this.latest.postCount,
      relatedUnits: this.coOccurrence.unitCount,
    };
  }

  snapshot(): TagDetailSnapshot {
    const { posts, lists } = this.latest.snapshot();
    const seen = new Map([...this.followed].map(([key, lastSeenMs]) => [key, lastSeenMs]));
    const byRecency = (a: [string, unknown], b: [string, unknown]) =>
      (seen.get(a[0]) ?? 0) - (seen.get(b[0]) ?? 0);
    return {
      posts,
      lists: lists.sort(byRecency),
      coOccurrence: this.coOccurrence.snapshot(),
    };
  }

  /** Loads a `snapshot()` into this fresh state; throws on malformed input. */
  restore(snapshot: TagDetailSnapshot): void {
    this.latest.restore(snapshot.posts, snapshot.lists);
    this.coOccurrence.restore(snapshot.coOccurrence);
    const lastSeen = new Map<string, number>();
    for (const [key, indexes] of snapshot.lists) {
      const newest = snapshot.posts[indexes[0] ?? -1]?.lastSeenMs ?? 0;
      lastSeen.set(key, newest);
    }
    for (const key of this.coOccurrence.keys()) if (!lastSeen.has(key)) lastSeen.set(key, 0);
    for (const [key, seenMs] of [...lastSeen].sort((a, b) => a[1] - b[1])) {
      this.followed.set(key, seenMs);
    }
  }

  /** Notes `key` seen in `batchTime`; true when that let go of the least recently seen tag. */
  private follow(key: string, batchTime: number): boolean {
    if (this.followed.get(key) === batchTime) return false;
    this.followed.delete(key);
    this.followed.set(key, batchTime);
    if (this.followed.size <= this.options.maxTags) return false;
    const leastRecent = this.followed.keys().next().value!;
    this.drop(leastRecent);
    return true;
  }

  private drop(key: string): void {
    this.followed.delete(key);
    this.latest.drop(key);
    this.coOccurrence.drop(key);
  }
}
