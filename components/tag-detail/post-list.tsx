'use client';
/**
 * The latest posts carrying the tag, newest first: text, author, time, language, reposts.
 * Which posts are shown changes at most once every `POSTS_HOLD_MS`, to the newest posts then
 * (another tag or filter shows at once); the shown posts' reposts and authors' names stay live.
 * A busy tag's posts arrive faster than anyone reads them (ten a second in the bundled
 * fixture's burst would turn the twenty shown over every two seconds), and each new post is a
 * block of elements made and laid out, the largest part of a batch's update in the browser
 * while a detail is open.
 * Each post keeps its element from change to change and is placed in the list by a
 * translation, in a box of a fixed height (its text cut after three lines; the whole text stays
 * readable by a screen reader and opens on X): a new post adds one element and moves the others
 * by a transform, which is neither a layout nor a layout shift, and a kept post's text is not
 * rendered again. Kept in place, the boxes moved no more, but each batch rewrote every box's
 * text with its neighbour's, and the texts and names that then started elsewhere in their boxes
 * counted as layout shifts.
 */
import type { CSSProperties } from 'react';
import { Fragment, memo, useMemo } from 'react';
import type { DetailPost } from '@/lib/tag-detail-protocol';
import { formatExactCount } from '@/lib/client/format';
import { withNewestById } from '@/lib/client/held-value';
import { tabularShape } from '@/lib/client/tabular-shape';
import { useHeldValue } from '@/lib/client/use-held-value';
import { exactTime, timeAgo } from '@/lib/client/time-ago';
import { PostText } from './post-text';

export const POSTS_HOLD_MS = 5_000;

export function PostList({
  posts: latestPosts,
  holdKey,
  nowMs,
}: {
  posts: DetailPost[];
  /** What the posts are of (the tag and the filter): posts of another key show at once. */
  holdKey: string;
  nowMs: number | null;
}) {
  const heldPosts = useHeldValue(latestPosts, holdKey, POSTS_HOLD_MS);
  const posts = useMemo(() => withNewestById(heldPosts, latestPosts), [heldPosts, latestPosts]);
  if (!posts.length) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">No post kept for this tag yet.</p>
    );
  }
  return (
    <ol
      data-testid="detail-posts"
      style={{ '--posts': posts.length } as CSSProperties}
      className="relative h-[calc(var(--posts)*8.5rem)] divide-y divide-zinc-200 dark:divide-zinc-800"
    >
      {posts.map((post, place) => (
        <PostItem key={post.id} post={post} place={place} nowMs={nowMs} />
      ))}
    </ol>
  );
}

const PostItem = memo(function PostItem({
  post,
  place,
  nowMs,
}: {
  post: DetailPost;
  place: number;
  nowMs: number | null;
}) {
  const reposts =
    post.repostCount > 0
      ? `reposted ${formatExactCount(post.repostCount)} ${post.repostCount === 1 ? 'time' : 'times'}`
      : '';
  return (
    <li
      data-testid="detail-post"
      style={{ '--place': place } as CSSProperties}
      className="absolute inset-x-0 top-0 flex h-[8.5rem] flex-col gap-1 py-2.5 [contain:strict] [translate:0_calc(var(--place)*8.5rem)]"
    >
      {/* Keyed by the author's name: a post first kept through a retweet has no name until its
          original is seen; when the name comes, the username, time and language after it are new
          elements rather than kept ones that move (a layout shift). */}
      <PostMeta key={post.author.name ?? ''} post={post} nowMs={nowMs} />
      <PostText text={post.text} />
      {/* The link is kept from batch to batch (it may hold the keyboard focus) and stays put
          at the line's end while the reposts' text before it changes width. */}
      <div className="flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
        {reposts ? <span data-testid="post-reposts">{reposts}</span> : null}
        <a
          href={`https://x.com/i/web/status/${encodeURIComponent(post.id)}`}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="ms-auto inline-flex min-h-6 items-center text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
        >
          Open post on X
        </a>
      </div>
    </li>
  );
});

function PostMeta({ post, nowMs }: { post: DetailPost; nowMs: number | null }) {
  const { author } = post;
  const postedMs = post.createdAtMs ?? post.lastSeenMs;
  const shownTime = nowMs === null ? exactTime(postedMs) : timeAgo(postedMs, nowMs);
  // The name's width is its own (at most 40 % of the line), not what the time after it leaves:
  // the time changes width at load (the exact time, then "12 s ago") and with every tick, and
  // a name that shrank or grew with it would move the username after it (a layout shift).
  // A line too long for its box loses its end (the time, the language), not the name.
  return (
    <div className="flex min-w-0 items-baseline gap-x-2 overflow-hidden text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
      {author.name ? (
        <span className="max-w-[40%] shrink-0 truncate font-semibold text-zinc-900 dark:text-zinc-100">
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
      {/* Keyed by the time's shape: when its width may change, the time and the language after
          it are new elements, not kept ones that move (which would count as a layout shift). */}
      <Fragment key={tabularShape(shownTime)}>
        <time
          dateTime={new Date(postedMs).toISOString()}
          title={exactTime(postedMs)}
          className="tabular-nums"
        >
          {shownTime}
        </time>
        {post.lang ? <span>language: {post.lang}</span> : null}
      </Fragment>
    </div>
  );
}
