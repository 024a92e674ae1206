'use client';
/**
 * The latest posts carrying the tag, newest first: text, author, time, language, reposts. The
 * list changes with most batches (a new post comes first, the oldest leaves): each post has a
 * box of its own fixed height (its text cut after three lines; the whole text stays readable by
 * a screen reader and opens on X), kept by place, so a new post changes what each box shows and
 * moves no box, and re-lays out only its own box.
 */
import type { DetailPost } from '@/lib/tag-detail-protocol';
import { formatExactCount } from '@/lib/client/format';
import { exactTime, timeAgo } from '@/lib/client/time-ago';
import { PostText } from './post-text';

export function PostList({ posts, nowMs }: { posts: DetailPost[]; nowMs: number | null }) {
  if (!posts.length) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">No post kept for this tag yet.</p>
    );
  }
  return (
    <ol
      data-testid="detail-posts"
      className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800"
    >
      {posts.map((post, position) => (
        <li
          key={position}
          data-testid="detail-post"
          className="relative flex h-[8.5rem] flex-col gap-1 py-2.5 [contain:strict]"
        >
          <PostMeta post={post} nowMs={nowMs} />
          <PostText text={post.text} />
          <div className="flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
            {post.repostCount > 0 ? (
              <span data-testid="post-reposts">
                reposted {formatExactCount(post.repostCount)}{' '}
                {post.repostCount === 1 ? 'time' : 'times'}
              </span>
            ) : null}
            <a
              href={`https://x.com/i/web/status/${encodeURIComponent(post.id)}`}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="inline-flex min-h-6 items-center text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
            >
              Open post on X
            </a>
          </div>
        </li>
      ))}
    </ol>
  );
}

function PostMeta({ post, nowMs }: { post: DetailPost; nowMs: number | null }) {
  const { author } = post;
  const postedMs = post.createdAtMs ?? post.lastSeenMs;
  return (
    <div className="flex min-w-0 items-baseline gap-x-2 overflow-hidden text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
      {author.name ? (
        <span className="min-w-0 truncate font-semibold text-zinc-900 dark:text-zinc-100">
          {author.name}
        </span>
      ) : null}
      {author.username ? (
        <a
          href={`https://x.com/${encodeURIComponent(author.username)}`}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="inline-flex min-h-6 items-center hover:underline focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          @{author.username}
        </a>
      ) : (
        <span>{author.id ? `user ${author.id}` : 'unknown author'}</span>
      )}
      <time dateTime={new Date(postedMs).toISOString()} title={exactTime(postedMs)}>
        {nowMs === null ? exactTime(postedMs) : timeAgo(postedMs, nowMs)}
      </time>
      {post.lang ? <span>language: {post.lang}</span> : null}
    </div>
  );
}
