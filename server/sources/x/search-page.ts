/**
 * A recent-search page and how it becomes stream lines: each post is pushed as
 * `{"data": post, "includes": {"users": [author]}}`, the shape of a stream line, so the pipeline
 * treats every source alike. Pages list posts newest first; lines come out oldest first.
 */
import type { Post } from '@/lib/trends/types';

export interface SearchUser {
  id: string;
  username?: string;
  name?: string;
}

export interface SearchPage {
  /** Absent when nothing matched. */
  data?: Post[];
  includes?: { users?: SearchUser[] };
  meta?: {
    newest_id?: string;
    oldest_id?: string;
    result_count?: number;
    next_token?: string;
  };
}

export function searchPageToLines(page: SearchPage): string[] {
  const users = new Map((page.includes?.users ?? []).map((user) => [user.id, user]));
  return (page.data ?? [])
    .slice()
    .reverse()
    .map((post) => {
      const author = post.author_id === undefined ? undefined : users.get(post.author_id);
      return JSON.stringify(
        author ? { data: post, includes: { users: [author] } } : { data: post },
      );
    });
}
