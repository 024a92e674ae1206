'use client';
/**
 * Top hashtags of the chosen window as ranked bars; a bar opens the tag's detail (where "Show on
 * chart" draws its line).
 */
import type { CSSProperties } from 'react';
import type { TagCount } from '@/lib/trends/types';
import { formatCount, formatExactCount, formatWindowMs } from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import { HorizontalBarChart } from './charts/horizontal-bar-chart';
import { useTrends } from './trends-provider';
import { EmptyState, SkeletonRows } from './ui/skeleton';

/** How many bars to draw (the server may send up to 100 per window). */
export const TOP_BARS = 20;

export function TopTagsChart() {
  const { view, selectedWindow, watched, openTag } = useTrends();
  if (!view) return <SkeletonRows rows={14} />;
  if (view.batchTime === null) {
    return (
      <EmptyState
        title="Waiting for the first batch"
        detail="Counts appear after the stream completes its first micro-batch."
      />
    );
  }
  if (!selectedWindow) return <EmptyState title="The server reports no windows" />;
  const rows = selectedWindow.top.slice(0, TOP_BARS);
  if (!rows.length) {
    return (
      <EmptyState
        title="No hashtags yet in this window"
        detail={`No post of the last ${formatWindowMs(selectedWindow.windowMs)} carried a hashtag.`}
      />
    );
  }
  const slotByKey = new Map(watched.map((tag) => [tag.key, tag.colorSlot]));
  const isApproximate = (row: TagCount) => selectedWindow.approximate && row.error > 0;
  return (
    <div
      data-testid="top-tags"
      style={{ '--rows': rows.length } as CSSProperties}
      className="-ml-1 h-[calc(var(--rows)*1.75rem+0.5rem)] xl:h-auto xl:min-h-0 xl:flex-1"
    >
      <HorizontalBarChart
        data={rows}
        index="key"
        categories={['count']}
        valueFormatter={(count, row) => `${isApproximate(row) ? '≈' : ''}${formatCount(count)}`}
        labelFormatter={(row) => `#${row.tag}`}
        color={(row) => {
          const slot = slotByKey.get(row.key);
          return slot === undefined ? 'var(--color-bar)' : seriesColor(slot).css;
        }}
        isSelected={(row) => slotByKey.has(row.key)}
        onOpen={openTag}
        describe={(row) =>
          `${isApproximate(row) ? 'About ' : ''}${formatExactCount(row.count)} posts. ` +
          `${slotByKey.has(row.key) ? 'Shown' : 'Not shown'} on the chart over time. Opens its detail.`
        }
        tooltipFooter={(row) =>
          isApproximate(row)
            ? `Approximate: overcounted by at most ${formatExactCount(row.error)}`
            : undefined
        }
      />
    </div>
  );
}

/** The panel's caption: size of the list, the window and the posts it holds. */
export function TopTagsCaption() {
  const { view, selectedWindow } = useTrends();
  if (!view || !selectedWindow) return <>Most used hashtags in the chosen window</>;
  const shown = Math.min(TOP_BARS, selectedWindow.top.length) || TOP_BARS;
  // One text node: words after the post count, which changes width, would move otherwise (a
  // layout shift at every batch).
  return (
    <>
      {`Top ${shown} · last ${formatWindowMs(selectedWindow.windowMs)} · ` +
        `${formatExactCount(selectedWindow.tweets)} posts` +
        (selectedWindow.approximate ? ' · ≈ approximate counts' : '')}
    </>
  );
}
