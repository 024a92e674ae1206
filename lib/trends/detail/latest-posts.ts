import type { ParsedPost } from '../types';
import { mergeSighting, originalIdOf, toStoredPost } from './detail-post';
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
   * Puts `post` (or the original it retweets) first in the lists of `keys`. `prepared`, when
   * given, is the post as `toStoredPost` builds it (made ahead), kept if the post is new.
   */
  add(post: ParsedPost, keys: readonly string[], batchTime: number, prepared?: StoredPost): void {
    if (keys.length === 0) return;
    const id = originalIdOf(post);
    let kept = this.posts.get(id);
    if (kept === undefined) {
      kept = { post: prepared ?? toStoredPost(post, batchTime, this.maxTextLength), holders: 0 };
      this.posts.set(id, kept);
    } else {
      mergeSighting(kept.post, post, batchTime, this.maxTextLength);
    }
    for (let index = 0; index < keys.length; index++) this.putFirst(keys[index]!, kept);
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

  private putFirst(key: string, kept: KeptPost): void {
    let list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, (list = []));
    const at = list.indexOf(kept);
    if (at === 0) return;
    if (at > 0) list.splice(at, 1);
    else kept.holders++;
    list.unshift(kept);
    if (list.length > this.postsPerTag) this.release(list.pop()!);
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
