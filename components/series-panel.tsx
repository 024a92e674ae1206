'use client';
/** Per-batch counts of the watched hashtags over time, with the watched tags as removable chips. */
import type { SeriesPoint } from '@/lib/protocol';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import { formatClock, formatCount, formatDurationMs } from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import type { LineCategory } from './charts/line-chart';
import { LineChart } from './charts/line-chart';
import { useTrends } from './trends-provider';
import { EmptyState, Skeleton } from './ui/skeleton';

export function SeriesPanel() {
  const { view, watched } = useTrends();
  if (!view) return <Skeleton className="h-64" />;
  const categories: LineCategory<SeriesPoint>[] = watched.map((tag) => ({
    id: tag.key,
    label: `#${view.spellings[tag.key] ?? tag.tag}`,
    color: seriesColor(tag.colorSlot).css,
    value: (point) => point.counts[tag.key] ?? 0,
  }));
  return (
    <div className="flex flex-1 flex-col gap-3">
      <WatchedChips />
      {view.series.length < 2 ? (
        <EmptyState title="Waiting for the first batches" />
      ) : !watched.length ? (
        <EmptyState
          title="No hashtag selected"
          detail="Click a bar or a trending tag (or focus it and press Enter) to draw its line."
        />
      ) : (
        <div data-testid="series-chart" className="h-64 xl:h-auto xl:min-h-40 xl:flex-1">
          <LineChart
            data={view.series}
            index="batchTime"
            categories={categories}
            valueFormatter={(value) => formatCount(value)}
            indexFormatter={(batchTime) => formatClock(batchTime)}
          />
        </div>
      )}
    </div>
  );
}

function WatchedChips() {
  const { view, watched, unwatchTag, notice } = useTrends();
  return (
    <div className="flex flex-col gap-1.5">
      <ul aria-label="Hashtags on the chart" className="flex min-h-7 flex-wrap gap-1.5">
        {watched.map((tag) => {
          const spelling = view?.spellings[tag.key] ?? tag.tag;
          return (
            <li
              key={tag.key}
              data-testid="watched-chip"
              className="flex items-center gap-1.5 rounded-full border border-zinc-200 bg-zinc-50 py-0.5 pr-0.5 pl-2.5 text-xs font-medium dark:border-zinc-700 dark:bg-zinc-800"
            >
              <span
                aria-hidden="true"
                className={`size-2 rounded-full ${seriesColor(tag.colorSlot).swatchClass}`}
              />
              #{spelling}
              <button
                type="button"
                onClick={() => unwatchTag(tag.key)}
                aria-label={`Remove #${spelling} from the chart`}
                className="grid size-5 place-items-center rounded-full text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
        {notice ?? `Up to ${MAX_WATCHED_TAGS} hashtags · posts per batch`}
      </p>
    </div>
  );
}

/** The panel's caption: the time span the series covers. */
export function SeriesCaption() {
  const { view } = useTrends();
  const first = view?.series[0]?.batchTime;
  const last = view?.series.at(-1)?.batchTime;
  if (first === undefined || last === undefined || last <= first) {
    return <>Posts per batch for the selected hashtags</>;
  }
  return <>Posts per batch · last {formatDurationMs(last - first)}</>;
}
