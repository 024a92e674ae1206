import type { ParsedPost } from '../types';
import { toStoredPost } from './detail-post';
import { CoOccurrence } from './co-occurrence';
import type {
  RelatedCounts,
  StoredPost,
  TagDetailOptions,
  TagDetailSnapshot,
} from './detail-types';
import { LatestPosts } from './latest-posts';

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
   * A batch's de-duplicated posts with hashtags; only tags for which `matters` holds are kept.
   * What the job gathers as the posts arrive, when given: `postsByTag`, per tag of the batch the
   * indexes of the posts carrying it, in order (else grouped here), and `prepared[i]`, when
   * defined, `prepare(posts[i], batchTime)`, taken instead of building the stored post.
   *
   * The tags are followed in the order of their first post in the batch and their co-tags counted
   * post by post, as taking the posts one at a time did (so both bounds let go of the same tags);
   * each followed tag's list then takes the batch whole (`LatestPosts.addBatch`).
   */
  addBatch(
    posts: readonly ParsedPost[],
    batchTime: number,
    matters: (key: string) => boolean,
    ahead: {
      postsByTag?: ReadonlyMap<string, { readonly posts: readonly number[] }>;
      prepared?: readonly (StoredPost | undefined)[];
    } = {},
  ): void {
    const postsByTag = ahead.postsByTag ?? groupByTag(posts);
    const sighted: [key: string, indexes: readonly number[]][] = [];
    for (const [key, tagged] of postsByTag) {
      if (tagged.posts.length > 0 && matters(key)) sighted.push([key, tagged.posts]);
    }
    // Followed in the order of their first post in the batch, as one post at a time would.
    sighted.sort((a, b) => {
      const first = a[1][0]! - b[1][0]!;
      if (first !== 0) return first;
      const tags = posts[a[1][0]!]!.tags;
      return indexOfKey(tags, a[0]) - indexOfKey(tags, b[0]);
    });
    for (const [key] of sighted) this.follow(key, batchTime);
    const taken: [string, readonly number[]][] = [];
    // A tiny `maxTags` may have let go of a tag seen earlier in this batch.
    for (const entry of sighted) if (this.followed.has(entry[0])) taken.push(entry);
    // Co-tags post by post, so that the unit bound lets go of tags in the order they were seen.
    const takenKeys = new Set(taken.map(([key]) => key));
    for (let index = 0; index < posts.length; index++) {
      const tags = posts[index]!.tags;
      for (let tag = 0; tag < tags.length; tag++) {
        const key = tags[tag]!.key;
        if (takenKeys.has(key)) this.coOccurrence.add(key, tags, batchTime);
      }
    }
    this.latest.addBatch(posts, taken, batchTime, ahead.prepared);
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

  /** Notes `key` seen in `batchTime`, letting go of the least recently seen tag beyond the bound. */
  private follow(key: string, batchTime: number): void {
    this.followed.delete(key);
    this.followed.set(key, batchTime);
    if (this.followed.size <= this.options.maxTags) return;
    this.drop(this.followed.keys().next().value!);
  }

  private drop(key: string): void {
    this.followed.delete(key);
    this.latest.drop(key);
    this.coOccurrence.drop(key);
  }
}

/** Per tag, the indexes of the posts carrying it, in order (a tag once per post). */
function groupByTag(posts: readonly ParsedPost[]): Map<string, { posts: number[] }> {
  const byTag = new Map<string, { posts: number[] }>();
  for (let index = 0; index < posts.length; index++) {
    for (const { key } of posts[index]!.tags) {
      const tagged = byTag.get(key);
      if (tagged === undefined) byTag.set(key, { posts: [index] });
      else if (tagged.posts[tagged.posts.length - 1] !== index) tagged.posts.push(index);
    }
  }
  return byTag;
}

function indexOfKey(tags: readonly { key: string }[], key: string): number {
  for (let index = 0; index < tags.length; index++) if (tags[index]!.key === key) return index;
  return -1;
}
