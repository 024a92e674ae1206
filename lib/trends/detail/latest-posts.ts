import type { ParsedPost } from '../types';
import { mergeSighting, originalIdOf, toStoredPost } from './detail-post';
import type { StoredPost } from './detail-types';

/**
 * The latest posts of each followed tag, newest first (by the batch a post or its latest retweet
 * was seen in), at most `postsPerTag` per tag. A post is kept once however many lists hold it,
 * and dropped when the last list lets it go.
 */
export class LatestPosts {
  private readonly posts = new Map<string, StoredPost>();
  /** How many lists hold each kept post. */
  private readonly holders = new Map<string, number>();
  private readonly lists = new Map<string, StoredPost[]>();

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
      kept = prepared ?? toStoredPost(post, batchTime, this.maxTextLength);
      this.posts.set(id, kept);
      this.holders.set(id, 0);
    } else {
      mergeSighting(kept, post, batchTime, this.maxTextLength);
    }
    for (const key of keys) this.putFirst(key, kept);
  }

  /** The tag's posts, newest first; empty when none are kept. */
  postsOf(key: string): readonly StoredPost[] {
    return this.lists.get(key) ?? [];
  }

  /** Forgets a tag's list (and the posts no other list holds). */
  drop(key: string): void {
    const list = this.lists.get(key);
    if (list === undefined) return;
    this.lists.delete(key);
    for (const post of list) this.release(post);
  }

  keys(): IterableIterator<string> {
    return this.lists.keys();
  }

  /** The kept posts and each list as indexes into them. */
  snapshot(): { posts: StoredPost[]; lists: [string, number[]][] } {
    const posts = [...this.posts.values()];
    const index = new Map(posts.map((post, at) => [post, at]));
    const lists = [...this.lists].map(([key, list]): [string, number[]] => [
      key,
      list.map((post) => index.get(post)!),
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
        return post;
      });
      this.lists.set(key, list);
      for (const post of list) {
        this.posts.set(post.id, post);
        this.holders.set(post.id, (this.holders.get(post.id) ?? 0) + 1);
      }
    }
  }

  private putFirst(key: string, post: StoredPost): void {
    let list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, (list = []));
    const at = list.indexOf(post);
    if (at === 0) return;
    if (at > 0) list.splice(at, 1);
    else this.holders.set(post.id, this.holders.get(post.id)! + 1);
    list.unshift(post);
    if (list.length > this.postsPerTag) this.release(list.pop()!);
  }

  private release(post: StoredPost): void {
    const left = this.holders.get(post.id)! - 1;
    if (left > 0) {
      this.holders.set(post.id, left);
      return;
    }
    this.holders.delete(post.id);
    this.posts.delete(post.id);
  }
}
