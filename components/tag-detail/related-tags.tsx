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
  return (
    <ul data-testid="related-tags" className="flex flex-wrap gap-1.5">
      {related.related.map((tag) => (
        <li key={tag.key}>
          <button
            type="button"
            onClick={() => openTag({ key: tag.key, tag: tag.tag })}
            className="min-h-6 rounded-full border border-zinc-200 bg-zinc-50 px-2.5 py-0.5 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-800 dark:hover:bg-zinc-700"
          >
            #{tag.tag ?? tag.key}{' '}
            <span className="text-zinc-500 dark:text-zinc-400">{formatExactCount(tag.count)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
