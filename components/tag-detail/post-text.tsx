'use client';
/**
 * A post's text rendered as React text nodes and links, never as HTML: markup in a post shows as
 * its characters. Hashtags open their own detail, mentions and URLs open on x.com or the web.
 */
import { memo } from 'react';
import { postTextPieces } from '@/lib/client/post-text';
import { useTrendsControls } from '../trends-provider';

const LINK_CLASS =
  'text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300';

/** Memoised: a kept post's text is not rendered again by a batch. */
export const PostText = memo(function PostText({ text }: { text: string }) {
  const { openTag } = useTrendsControls();
  return (
    <p
      data-testid="post-text"
      className="line-clamp-3 text-sm break-words whitespace-pre-wrap"
      title={text}
    >
      {postTextPieces(text).map((piece, index) => {
        if (piece.kind === 'text') return piece.text;
        if (piece.kind === 'hashtag') {
          return (
            <button
              key={index}
              type="button"
              className={`${LINK_CLASS} inline`}
              onClick={() => openTag({ key: piece.key, tag: piece.tag })}
            >
              {piece.text}
            </button>
          );
        }
        return (
          <a
            key={index}
            href={piece.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className={LINK_CLASS}
          >
            {piece.text}
          </a>
        );
      })}
    </p>
  );
});
