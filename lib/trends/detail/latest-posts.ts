import type { ParsedPost } from '../types';
import { mergeSightings, newSighting, originalIdOf, storedFromSighting } from './detail-post';
import type { BatchSighting } from './detail-post';
import type { StoredPost } from './detail-types';

/**
 * The latest posts of each followed tag, newest first (by the batch a post or its latest retweet
 * was seen in), at most `postsPerTag` per tag. A post is kept once however many lists hold it,
 * and dropped when the last list lets it go.
 * A list holds the kept entries themselves, so that letting a post go needs no lookup.
 */
export class LatestPosts {
  /** Each kept post by id, with how many lists hold it (one lookup finds both). */
  private readonly posts = new Map<string, KeptPost>();
  /** Newest first. */
  private readonly lists = new Map<string, KeptPost[]>();

  constructor(
    private readonly postsPerTag: number,
    private readonly maxTextLength: number,
  ) {}

  get postCount(): number {
    return this.posts.size;
  }

  /**
   * A batch's posts with hashtags, and per followed tag the indexes of those carrying it, in
   * order. Each tag's list takes, first, the distinct posts (or originals of retweets) of its
   * latest posts, most recent first, then keeps its earlier posts not seen again, up to
   * `postsPerTag`. A post taken or still kept merges every sighting of the batch, in order (a
   * retweet adds one to its repost count, the original replaces a retweet's stand-in); a post no
   * list keeps at the batch's end is let go, whichever of its sightings came first.
   */
  addBatch(
    posts: readonly ParsedPost[],
    taken: readonly (readonly [string, readonly number[]])[],
    batchTime: number,
    prepared?: readonly (StoredPost | undefined)[],
  ): void {
    if (taken.length === 0 && this.posts.size === 0) return;
    const sightings = new Map<string, BatchSighting>();
    const fresh = taken.map(
      ([key, indexes]) => [key, this.latestIds(posts, indexes, sightings)] as const,
    );
    this.gatherSightings(posts, sightings);
    // The lists first, every new holder counted before any post is let go.
    const created = new Set<KeptPost>();
    const leaving: KeptPost[] = [];
    for (const [key, ids] of fresh) {
      const previous = this.lists.get(key) ?? [];
      const list = ids.map((id) => {
        let kept = this.posts.get(id);
        if (kept === undefined) {
          const sighting = sightings.get(id)!;
          const post = storedFromSighting(sighting, posts, prepared, batchTime, this.maxTextLength);
          this.posts.set(id, (kept = { post, holders: 0 }));
          created.add(kept);
        }
        if (!previous.includes(kept)) kept.holders++;
        return kept;
      });
      for (const kept of previous) {
        if (list.includes(kept)) continue;
        if (list.length < this.postsPerTag) list.push(kept);
        else leaving.push(kept);
      }
      this.lists.set(key, list);
    }
    for (const kept of leaving) this.release(kept);
    // Posts kept from earlier batches take the batch's sightings (new ones were made of them).
    for (const [id, sighting] of sightings) {
      const kept = this.posts.get(id);
      if (kept !== undefined && !created.has(kept)) {
        mergeSightings(kept.post, sighting, posts, batchTime, this.maxTextLength);
      }
    }
  }

  /** The tag's posts, newest first; empty when none are kept. */
  postsOf(key: string): readonly StoredPost[] {
    const list = this.lists.get(key);
    if (list === undefined) return [];
    return list.map((kept) => kept.post);
  }

  /** Forgets a tag's list (and the posts no other list holds). */
  drop(key: string): void {
    const list = this.lists.get(key);
    if (list === undefined) return;
    this.lists.delete(key);
    for (const kept of list) this.release(kept);
  }

  keys(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** The kept posts and each list as indexes into them. */
  snapshot(): { posts: StoredPost[]; lists: [string, number[]][] } {
    const posts = Array.from(this.posts.values(), (kept) => kept.post);
    const index = new Map(posts.map((post, at) => [post, at]));
    const lists = [...this.lists].map(([key, list]): [string, number[]] => [
      key,
      list.map((kept) => index.get(kept.post)!),
    ]);
    return { posts: posts.map((post) => ({ ...post })), lists };
  }

  /** Loads a `snapshot()` into this empty store; throws on an index out of range. */
  restore(posts: readonly StoredPost[], lists: readonly [string, number[]][]): void {
    const copies = posts.map((post) => ({ ...post }));
    for (const [key, indexes] of lists) {
      const list = indexes.slice(0, this.postsPerTag).map((at) => {
        const post = copies[at];
        if (post === undefined)
          throw new TypeError('detail snapshot: a post index is out of range');
        let kept = this.posts.get(post.id);
        if (kept === undefined) this.posts.set(post.id, (kept = { post, holders: 1 }));
        else kept.holders++;
        return kept;
      });
      this.lists.set(key, list);
    }
  }

  /**
   * The distinct ids (originals of retweets) of the latest posts at `indexes`, most recent first,
   * at most `postsPerTag`; each gets an empty entry in `sightings`.
   */
  private latestIds(
    posts: readonly ParsedPost[],
    indexes: readonly number[],
    sightings: Map<string, BatchSighting>,
  ): string[] {
    const ids: string[] = [];
    for (let at = indexes.length - 1; at >= 0 && ids.length < this.postsPerTag; at--) {
      const id = originalIdOf(posts[indexes[at]!]!);
      if (ids.includes(id)) continue;
      ids.push(id);
      if (!sightings.has(id)) sightings.set(id, newSighting());
    }
    return ids;
  }

  /** Every sighting in the batch of a post in `sightings` or already kept, in order. */
  private gatherSightings(posts: readonly ParsedPost[], sightings: Map<string, BatchSighting>) {
    for (let index = 0; index < posts.length; index++) {
      const post = posts[index]!;
      const id = originalIdOf(post);
      let sighting = sightings.get(id);
      if (sighting === undefined) {
        if (!this.posts.has(id)) continue;
        sightings.set(id, (sighting = newSighting()));
      }
      if (sighting.first < 0) sighting.first = index;
      if (post.isRetweet) sighting.reposts++;
      else if (sighting.original < 0) sighting.original = index;
    }
  }

  private release(kept: KeptPost): void {
    if (--kept.holders > 0) return;
    this.posts.delete(kept.post.id);
  }
}

/** A kept post and the number of lists holding it. */
interface KeptPost {
  readonly post: StoredPost;
  holders: number;
}
