'use client';
/** The tag's count and rank in every window, and why it trends, in words. */
import type { TagSummary } from '@/lib/tag-detail-protocol';
import { formatExactCount, formatWindowMs } from '@/lib/client/format';
import { tabularShape } from '@/lib/client/tabular-shape';
import { trendReason } from '@/lib/client/trend-reason';

export function TagStanding({ summary }: { summary: TagSummary }) {
  const shortestMs = Math.min(...summary.windows.map((window) => window.windowMs));
  const { trend } = summary;
  return (
    <div className="flex flex-col gap-3">
      {/* Three lines kept for the reason, which changes with the batches, so that the table and
          the sections below it do not move as it grows from "Not trending now." to its words. */}
      <p data-testid="detail-reason" className="min-h-[3lh] text-sm">
        {trend ? (
          <>
            <span className="font-semibold">
              {trend.direction === 'cooling' ? 'Cooling down' : 'Trending'}:
            </span>{' '}
            {/* One text node: words after a number that changed width would move otherwise. */}
            {`${trendReason(trend, shortestMs)}; ${formatExactCount(trend.originals)} original ` +
              `${trend.originals === 1 ? 'post' : 'posts'}; now ` +
              `${trend.fastRatePerMin.toFixed(1)} per minute, usually ` +
              `${trend.usualRatePerMin.toFixed(1)}.`}
          </>
        ) : (
          'Not trending now.'
        )}
      </p>
      {/* Columns of fixed widths, and each end-aligned figure keyed by its shape (a new cell when
          its width may change): a changed count moves no column and no kept text. */}
      <table data-testid="detail-windows" className="w-full table-fixed text-sm tabular-nums">
        <caption className="sr-only">Posts and rank in each window</caption>
        <thead className="text-xs text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="text-left font-medium">
              Window
            </th>
            <th scope="col" className="w-1/3 text-right font-medium">
              Posts
            </th>
            <th scope="col" className="w-1/4 text-right font-medium">
              Rank
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.windows.map((window) => {
            const count = `${window.error > 0 ? '≈' : ''}${formatExactCount(window.count)}`;
            const rank = window.rank === null ? '—' : `#${window.rank}`;
            return (
              <tr key={window.label}>
                <th scope="row" className="text-left font-normal">
                  last {formatWindowMs(window.windowMs)}
                </th>
                <td key={tabularShape(count)} className="text-right">
                  {count}
                </td>
                <td key={tabularShape(rank)} className="text-right">
                  {rank}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
