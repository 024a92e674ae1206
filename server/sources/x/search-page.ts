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

/**
 * Liberal in what it takes: a page whose `includes.users` is odd just gives lines without
 * authors; a post that is not an object becomes a line the parser counts as bad.
 */
export function searchPageToLines(page: SearchPage): string[] {
  const users = new Map<unknown, SearchUser>();
  const listed: unknown = page.includes?.users;
  if (Array.isArray(listed)) {
    for (const user of listed as unknown[]) {
      if (isAuthor(user)) users.set(user.id, user);
    }
  }
  const posts: unknown = page.data;
  return (Array.isArray(posts) ? (posts as Partial<Post>[]) : [])
    .slice()
    .reverse()
    .map((post) => {
      const author =
        typeof post === 'object' && post !== null ? users.get(post.author_id) : undefined;
      return JSON.stringify(
        author ? { data: post, includes: { users: [author] } } : { data: post },
      );
    });
}

function isAuthor(user: unknown): user is SearchUser {
  return typeof user === 'object' && user !== null && typeof (user as SearchUser).id === 'string';
}
