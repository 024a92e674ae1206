'use client';
/** Tags that appear most often in the same posts in the chosen window; each opens its detail. */
import type { TagRelatedAnswer } from '@/lib/tag-detail-protocol';
import { formatExactCount, formatWindowMs } from '@/lib/client/format';
import { useTrendsControls } from '../trends-provider';

export function RelatedTags({ related }: { related: TagRelatedAnswer }) {
  const { openTag } = useTrendsControls();
  if (!related.related.length) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        No other tag in the same posts in the last {formatWindowMs(related.windowMs)}.
      </p>
    );
  }
  // Chips of one width in a grid, kept by place, their text from their start: a live update
  // changes what a chip says and moves no chip (a kept element or text whose start moves counts
  // as a layout shift, as chips of their own widths in a wrapping row did whenever one changed).
  return (
    <ul
      data-testid="related-tags"
      className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-1.5"
    >
      {related.related.map((tag, place) => (
        <li key={place} className="min-w-0">
          <button
            type="button"
            onClick={() => openTag({ key: tag.key, tag: tag.tag })}
            className="flex h-7 w-full min-w-0 items-center gap-1 rounded-full border border-zinc-200 bg-zinc-50 px-2.5 text-left text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-800 dark:hover:bg-zinc-700"
          >
            <span className="truncate">#{tag.tag ?? tag.key}</span>{' '}
            {/* A new element when the tag changes: its start follows the tag's width. */}
            <span key={tag.key} className="shrink-0 text-zinc-500 tabular-nums dark:text-zinc-400">
              {formatExactCount(tag.count)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
