'use client';
/**
 * The watched hashtags over the last 1, 6 or 24 hours, per minute (from the server's history),
 * with a line under the chart saying where data is missing: before the history began, or while
 * the server was down. Those minutes are gaps in the lines, never zeros.
 */
import { formatClock, formatCount } from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import { historyRows, missingData } from '@/lib/client/tag-history';
import type { HistoryRange, HistoryRow } from '@/lib/client/tag-history';
import { useTagHistory } from '@/lib/client/use-tag-history';
import type { WatchedTag } from '@/lib/client/watch-list';
import type { LineCategory } from './charts/line-chart';
import { LineChart } from './charts/lazy-line-chart';
import { EmptyState, Skeleton } from './ui/skeleton';

export function HistoryChart({
  watched,
  range,
  spellings,
}: {
  watched: readonly WatchedTag[];
  range: HistoryRange;
  spellings: ReadonlyMap<string, string>;
}) {
  const { byKey, error } = useTagHistory(
    watched.map((tag) => tag.key),
    range,
  );
  if (error && !byKey) return <EmptyState title="History unavailable" detail={error} />;
  if (!byKey) return <Skeleton className="h-64" />;
  const rows = historyRows(byKey);
  const categories: LineCategory<HistoryRow>[] = watched.map((tag) => ({
    id: tag.key,
    label: `#${spellings.get(tag.key) ?? tag.tag}`,
    color: seriesColor(tag.colorSlot).css,
    value: (row) => row.counts.get(tag.key) ?? null,
  }));
  const missing = missingData(byKey.values().next().value ?? []);
  return (
    <div className="flex flex-1 flex-col gap-1.5">
      <div data-testid="history-chart" className="h-64 xl:h-auto xl:min-h-40 xl:flex-1">
        <LineChart
          data={rows}
          index="time"
          categories={categories}
          valueFormatter={(value) => formatCount(value)}
          indexFormatter={(time) => formatClock(time)}
        />
      </div>
      <p data-testid="history-missing" className="text-xs text-zinc-500 dark:text-zinc-400">
        {describeMissing(missing, rows[0]?.time)}
      </p>
    </div>
  );
}

function describeMissing(
  missing: ReturnType<typeof missingData>,
  firstMinute: number | undefined,
): string {
  const parts: string[] = [];
  if (missing.startsAt === null) parts.push('No data yet in this range');
  else if (firstMinute !== undefined && missing.startsAt > firstMinute) {
    parts.push(`No data before ${formatClock(missing.startsAt)} (history starts)`);
  }
  for (const [from, to] of missing.down) {
    parts.push(`Server down ${formatClock(from)}–${formatClock(to + 60_000)}`);
  }
  return parts.length > 0
    ? parts.join(' · ')
    : 'Posts per minute; gaps mark minutes a tag was not yet tracked';
}
