'use client';
/**
 * The tag detail's content: its standing in every window and why it trends, its series, the
 * latest posts carrying it, the related tags and its alert, live. Loaded when a detail first
 * opens (see tag-detail-dialog.tsx), or rendered by the page with the detail when its address
 * opens one. The sections appear together once the detail has arrived,
 * below the header, so nothing the reader already sees moves when they do.
 */
import type { ReactNode } from 'react';
import { filterQuery } from '@/lib/client/filter-query';
import { useTagDetail } from '@/lib/client/use-tag-detail';
import { DEFAULT_WINDOW_LABEL } from '@/lib/client/view-url';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { useTrends } from '../trends-provider';
import { NotifyMe } from './notify-me';
import { PostList } from './post-list';
import { RelatedTags } from './related-tags';
import { TagSeries } from './tag-series';
import { TagStanding } from './tag-standing';

const ACTION_CLASS =
  'rounded-lg border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

interface TagDetailBodyProps {
  tagKey: string;
  spelling: string;
  /** The detail the page was rendered with, when its address opened this tag. */
  initialDetail?: TagDetailUpdate | null;
}

export function TagDetailBody({ tagKey, spelling, initialDetail = null }: TagDetailBodyProps) {
  const trends = useTrends();
  const { selectedWindow, detailUpdate, closeTag, watched, toggleTag, muteTag, latest, filter } =
    trends;
  const windowLabel = selectedWindow?.label ?? DEFAULT_WINDOW_LABEL;
  const { detail, error } = useTagDetail(tagKey, windowLabel, detailUpdate, initialDetail);
  const tag = detail?.summary.tag ?? spelling;
  const onChart = watched.some((watchedTag) => watchedTag.key === tagKey);
  return (
    <div className="flex flex-col gap-4 p-4 sm:p-5">
      <header className="flex items-start justify-between gap-3">
        <h2 id="tag-detail-title" className="min-w-0 text-lg font-semibold break-words">
          #{tag}
        </h2>
        <button
          type="button"
          onClick={closeTag}
          aria-label="Close"
          className="grid size-8 shrink-0 place-items-center rounded-lg text-lg hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={onChart}
          onClick={() => toggleTag({ key: tagKey, tag })}
          className={ACTION_CLASS}
        >
          {onChart ? 'Remove from chart' : 'Show on chart'}
        </button>
        <button
          type="button"
          onClick={() => {
            muteTag({ key: tagKey, tag });
            closeTag();
          }}
          className={ACTION_CLASS}
        >
          Mute #{tag}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load the detail ({error}); it fills in with the next batch.
        </p>
      ) : null}
      {detail && 'unavailable' in detail && typeof detail.unavailable === 'string' ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {detail.unavailable}
        </p>
      ) : null}
      {detail ? (
        <div className="grid gap-4 md:grid-cols-2">
          <DetailSection title="Standing">
            <TagStanding summary={detail.summary} />
          </DetailSection>
          <DetailSection title="Over time">
            <TagSeries tagKey={tagKey} tag={tag} />
          </DetailSection>
          <DetailSection title="Latest posts">
            <PostList
              posts={detail.posts}
              holdKey={`${tagKey}?${filterQuery(filter)}`}
              nowMs={latest?.batchTime ?? null}
            />
          </DetailSection>
          {/* The related tags last in their column, so that their list growing or shrinking
              with a batch moves nothing below it. */}
          <div className="flex min-w-0 flex-col gap-4">
            <DetailSection title="Alert">
              <NotifyMe key={tagKey} tagKey={tagKey} tag={tag} />
            </DetailSection>
            <DetailSection title={`Related hashtags · last ${windowLabel}`}>
              <RelatedTags related={detail.related} />
            </DetailSection>
          </div>
        </div>
      ) : (
        <div
          data-testid="detail-loading"
          className="h-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800"
        />
      )}
    </div>
  );
}

function DetailSection({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`flex min-w-0 flex-col gap-2 ${className ?? ''}`}>
      <h3 className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
      </h3>
      {children}
    </section>
  );
}
