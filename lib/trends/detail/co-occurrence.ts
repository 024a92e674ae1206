import type { CoOccurrenceBucketSnapshot, RelatedCounts } from './detail-types';
import { addCoTag, coTagCount, countAgain, forEachCoTag, newBucket } from './co-occurrence-bucket';
import type { CoOccurrenceBucket as Bucket } from './co-occurrence-bucket';

interface FollowedTag {
  /** Oldest first. */
  buckets: Bucket[];
  /** Every batch at or after this time is counted (before it the tag was not followed). */
  countedSinceMs: number;
  /** Co-occurrences left out because one batch of this tag alone filled the bound. */
  missed: number;
  /** Sequence number of the tag's latest sighting (0: none since it was created or loaded). */
  lastSighting: number;
}

/**
 * Per followed tag and per batch, the tags that appear in the same posts, so that a tag's
 * related tags over any window ending at the latest batch are an exact sum of its batches (the
 * engine's own windows are exact the same way). Buckets older than the longest window go.
 *
 * Hard bound: `maxUnits` units, one per bucket and one per co-tag in a bucket. When a batch would
 * go beyond it, the least recently seen tags lose everything they hold (and are counted again
 * from their next post); a single tag beyond the bound loses its oldest buckets. Either way its
 * `countedSinceMs` moves on, and answers say from when they count: what is counted is exact.
 */
export class CoOccurrence {
  /**
   * In order of last sighting, least recent first, once `settleOrder` has run: a sighting only
   * notes its sequence number, and the tags sighted since the last settling are moved to the end
   * together (before any read of the order), instead of one `Map` removal and insertion per post.
   */
  private readonly tags = new Map<string, FollowedTag>();
  private units = 0;
  private sightings = 0;
  /** `sightings` when the order was last settled. */
  private settledAt = 0;
  /** Keys sighted since the order was last settled (a key may appear twice if dropped between). */
  private readonly unsettled: string[] = [];

  constructor(
    private readonly maxUnits: number,
    private readonly longestWindowMs: number,
  ) {}

  get unitCount(): number {
    return this.units;
  }

  get tagCount(): number {
    return this.tags.size;
  }

  keys(): IterableIterator<string> {
    this.settleOrder();
    return this.tags.keys();
  }

  /** One post of the batch at `batchTime` carries `key` and `postKeys` (which include `key`). */
  add(key: string, postKeys: readonly { key: string }[], batchTime: number): void {
    const tag = this.sighted(key, batchTime);
    let bucket = tag.buckets[tag.buckets.length - 1];
    if (bucket === undefined || bucket.batchTime !== batchTime) {
      bucket = newBucket(batchTime);
      tag.buckets.push(bucket);
      this.units++;
    }
    bucket.posts++;
    for (let index = 0; index < postKeys.length; index++) {
      const other = postKeys[index]!.key;
      if (other === key) continue;
      if (countAgain(bucket, other)) continue;
      if (this.units >= this.maxUnits) this.reclaim(key, this.maxUnits - 1);
      if (this.units >= this.maxUnits) {
        // This batch alone fills the bound: the co-tag is left out, and said so.
        tag.missed++;
        continue;
      }
      addCoTag(bucket, other, 1);
      this.units++;
    }
    if (this.units > this.maxUnits) this.reclaim(key, this.maxUnits);
  }

  /** Drops buckets that left the longest window at `batchTime`. */
  expire(batchTime: number): void {
    this.settleOrder();
    const oldestKept = batchTime - this.longestWindowMs;
    for (const tag of this.tags.values()) {
      while (tag.buckets.length > 0 && tag.buckets[0]!.batchTime <= oldestKept) {
        this.units -= 1 + coTagCount(tag.buckets.shift()!);
      }
    }
  }

  drop(key: string): void {
    const tag = this.tags.get(key);
    if (tag === undefined) return;
    for (const bucket of tag.buckets) this.units -= 1 + coTagCount(bucket);
    this.tags.delete(key);
  }

  /** The tag's related tags over the batches in `(batchTime − windowMs, batchTime]`. */
  relatedOf(key: string, windowMs: number, batchTime: number): RelatedCounts {
    const tag = this.tags.get(key);
    if (tag === undefined) return { related: [], posts: 0, countedSinceMs: null, missed: 0 };
    const counts = new Map<string, number>();
    let posts = 0;
    for (const bucket of tag.buckets) {
      if (bucket.batchTime <= batchTime - windowMs || bucket.batchTime > batchTime) continue;
      posts += bucket.posts;
      forEachCoTag(bucket, (other, count) => counts.set(other, (counts.get(other) ?? 0) + count));
    }
    const related = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { related, posts, countedSinceMs: tag.countedSinceMs, missed: tag.missed };
  }

  snapshot(): [string, number, CoOccurrenceBucketSnapshot[]][] {
    this.settleOrder();
    return [...this.tags].map(([key, tag]) => [
      key,
      tag.countedSinceMs,
      tag.buckets.map((bucket): CoOccurrenceBucketSnapshot => {
        const keys: string[] = [];
        const counts: number[] = [];
        forEachCoTag(bucket, (other, count) => {
          keys.push(other);
          counts.push(count);
        });
        return [bucket.batchTime, bucket.posts, keys, counts];
      }),
    ]);
  }

  /** Loads a `snapshot()` into this empty state (within the bound: the rest is reclaimed). */
  restore(saved: readonly [string, number, CoOccurrenceBucketSnapshot[]][]): void {
    for (const [key, countedSinceMs, buckets] of saved) {
      const tag: FollowedTag = { countedSinceMs, buckets: [], missed: 0, lastSighting: 0 };
      for (const [batchTime, posts, keys, counts] of buckets) {
        if (keys.length !== counts.length) throw new TypeError('detail snapshot: bad bucket');
        const bucket = newBucket(batchTime);
        bucket.posts = posts;
        keys.forEach((other, at) => {
          if (!countAgain(bucket, other)) addCoTag(bucket, other, counts[at]!);
          else throw new TypeError('detail snapshot: a co-tag twice in a bucket');
        });
        tag.buckets.push(bucket);
        this.units += 1 + coTagCount(bucket);
      }
      this.tags.set(key, tag);
    }
    const newest = [...this.tags.keys()].at(-1);
    if (newest !== undefined && this.units > this.maxUnits) this.reclaim(newest, this.maxUnits);
  }

  /** The tag at its sighting in `batchTime`, noted as the most recent one. */
  private sighted(key: string, batchTime: number): FollowedTag {
    let tag = this.tags.get(key);
    if (tag === undefined) {
      tag = { buckets: [], countedSinceMs: batchTime, missed: 0, lastSighting: 0 };
      this.tags.set(key, tag);
    }
    if (tag.lastSighting <= this.settledAt) this.unsettled.push(key);
    tag.lastSighting = ++this.sightings;
    return tag;
  }

  /** Moves the tags sighted since the last settling to the end, by their latest sighting. */
  private settleOrder(): void {
    if (this.unsettled.length === 0) return;
    const sighted: [string, FollowedTag][] = [];
    for (const key of this.unsettled) {
      const tag = this.tags.get(key);
      if (tag !== undefined && tag.lastSighting > this.settledAt) sighted.push([key, tag]);
    }
    sighted.sort((a, b) => a[1].lastSighting - b[1].lastSighting);
    let previous: string | undefined;
    for (const [key, tag] of sighted) {
      if (key === previous) continue;
      previous = key;
      this.tags.delete(key);
      this.tags.set(key, tag);
    }
    this.unsettled.length = 0;
    this.settledAt = this.sightings;
  }

  /** Down to `limit` units: least recently seen tags first, then `current`'s oldest buckets. */
  private reclaim(current: string, limit: number): void {
    this.settleOrder();
    for (const key of this.tags.keys()) {
      if (this.units <= limit) return;
      if (key !== current) this.drop(key);
    }
    const tag = this.tags.get(current)!;
    while (this.units > limit && tag.buckets.length > 1) {
      const oldest = tag.buckets.shift()!;
      this.units -= 1 + coTagCount(oldest);
      tag.countedSinceMs = oldest.batchTime + 1;
    }
  }
}
