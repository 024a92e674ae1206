/**
 * One batch of one tag: its posts and the other tags of those posts, counted, in the order they
 * were first counted. Most buckets hold one co-tag or none (a tag seen in a post or two per
 * batch), so the first co-tag and its count live in the bucket itself and a `Map` is made only
 * from the second one on: a `Map` costs about 170 bytes before its first entry, and the detail
 * holds up to `maxRelatedUnits` buckets and co-tags.
 */
export interface CoOccurrenceBucket {
  batchTime: number;
  posts: number;
  firstTag: string | undefined;
  firstCount: number;
  /** The co-tags after the first one. */
  more: Map<string, number> | undefined;
}

export function newBucket(batchTime: number): CoOccurrenceBucket {
  return { batchTime, posts: 0, firstTag: undefined, firstCount: 0, more: undefined };
}

/** Co-tags counted in the bucket. */
export function coTagCount(bucket: CoOccurrenceBucket): number {
  return (bucket.firstTag === undefined ? 0 : 1) + (bucket.more?.size ?? 0);
}

/** Adds one to `other`'s count if the bucket holds it; false when it does not. */
export function countAgain(bucket: CoOccurrenceBucket, other: string): boolean {
  if (bucket.firstTag === other) {
    bucket.firstCount++;
    return true;
  }
  const count = bucket.more?.get(other);
  if (count === undefined) return false;
  bucket.more!.set(other, count + 1);
  return true;
}

/** Counts `other`, not held yet, with `count`. */
export function addCoTag(bucket: CoOccurrenceBucket, other: string, count: number): void {
  if (bucket.firstTag === undefined) {
    bucket.firstTag = other;
    bucket.firstCount = count;
  } else {
    (bucket.more ??= new Map()).set(other, count);
  }
}

/** Calls `visit` for each co-tag and its count, in the order they were first counted. */
export function forEachCoTag(
  bucket: CoOccurrenceBucket,
  visit: (other: string, count: number) => void,
): void {
  if (bucket.firstTag === undefined) return;
  visit(bucket.firstTag, bucket.firstCount);
  bucket.more?.forEach((count, other) => visit(other, count));
}
