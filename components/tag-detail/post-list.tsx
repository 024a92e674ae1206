'use client';
/** The latest posts carrying the tag, newest first: text, author, time, language, reposts. */
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
      {posts.map((post) => (
        <li key={post.id} data-testid="detail-post" className="flex flex-col gap-1 py-2.5">
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
    <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
      {author.name ? (
        <span className="font-semibold text-zinc-900 dark:text-zinc-100">{author.name}</span>
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
