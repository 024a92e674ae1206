'use client';
/**
 * The watched hashtags over time: per-batch counts, or (default) rolling sums over
 * `ROLLING_SPAN_MS`, which read better than the jumpy per-batch counts. Watched tags are chips.
 * The live chart, redrawn at every batch, is a `CompactLineChart` (React alone), drawn once
 * its box is near the viewport (below the fold on a phone); the last hours, per minute, are
 * drawn by recharts, loaded when the person picks them (`HistoryChart`).
 */
import { useMemo } from 'react';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import { formatClock, formatCount, formatDurationMs } from '@/lib/client/format';
import type { RollingPoint } from '@/lib/client/rolling-series';
import { rollingSums, spanInBatches } from '@/lib/client/rolling-series';
import { seriesColor } from '@/lib/client/series-colors';
import type { CompactCategory } from './charts/compact-line-chart';
import { CompactLineChart } from './charts/compact-line-chart';
import { WhenNearViewport } from './charts/when-near-viewport';
import { HistoryChart } from './history-chart';
import type { SeriesMode, SeriesRange } from './trends-provider';
import { useTrends, useTrendsControls } from './trends-provider';
import { SegmentedControl } from './ui/segmented-control';
import { EmptyState, Skeleton } from './ui/skeleton';

export const ROLLING_SPAN_MS = 30_000;

export function SeriesPanel() {
  const { view, watched, seriesMode, seriesRange } = useTrends();
  const keys = useMemo(() => watched.map((tag) => tag.key), [watched]);
  const batchIntervalMs = view?.stats.batchIntervalMs ?? 0;
  const span = seriesMode === 'rolling' ? spanInBatches(ROLLING_SPAN_MS, batchIntervalMs) : 1;
  const rows = useMemo(
    () => rollingSums(view?.series ?? [], keys, span),
    [view?.series, keys, span],
  );
  const spellings = view?.spellings;
  // Kept while the watched tags and their spellings are: the chart redraws for new data only.
  const categories = useMemo<CompactCategory<RollingPoint>[]>(
    () =>
      watched.map((tag, index) => ({
        id: tag.key,
        label: `#${spellings?.get(tag.key) ?? tag.tag}`,
        color: seriesColor(tag.colorSlot).css,
        value: (point) => point.sums[index] ?? 0,
      })),
    [watched, spellings],
  );
  if (!view) return <Skeleton className="h-64" />;
  return (
    <div className="flex flex-1 flex-col gap-3">
      <WatchedChips />
      {!watched.length ? (
        <EmptyState
          title="No hashtag selected"
          detail="Open a tag's detail (click a bar or a trending tag) and choose Show on chart."
        />
      ) : seriesRange !== 'live' ? (
        <HistoryChart watched={watched} range={seriesRange} spellings={view.spellings} />
      ) : view.series.length < 2 ? (
        <EmptyState title="Waiting for the first batches" />
      ) : (
        <div data-testid="series-chart" className="h-64 xl:h-auto xl:min-h-40 xl:flex-1">
          <WhenNearViewport>
            <CompactLineChart
              data={rows}
              index="batchTime"
              categories={categories}
              valueFormatter={countLabel}
              indexFormatter={clockLabel}
              maxCountSteps={4}
            />
          </WhenNearViewport>
        </div>
      )}
    </div>
  );
}

const countLabel = (value: number) => formatCount(value);
const clockLabel = (batchTime: number) => formatClock(batchTime);

function WatchedChips() {
  const { spellings, watched, unwatchTag, notice, openTag } = useTrendsControls();
  return (
    <div className="flex flex-col gap-1.5">
      <ul aria-label="Hashtags on the chart" className="flex min-h-7 flex-wrap gap-1.5">
        {watched.map((tag) => {
          const spelling = spellings.get(tag.key) ?? tag.tag;
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
              <button
                type="button"
                aria-haspopup="dialog"
                onClick={() => openTag({ key: tag.key, tag: spelling })}
                className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-sky-500"
              >
                #{spelling}
              </button>
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
        {notice ?? `Up to ${MAX_WATCHED_TAGS} hashtags · Show on chart in a tag's detail adds one`}
      </p>
    </div>
  );
}

/** The chart's span (live or the last hours) and, when live, its unit. */
export function SeriesActions() {
  const { seriesRange } = useTrendsControls();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {seriesRange === 'live' && <SeriesModeSelector />}
      <SeriesRangeSelector />
    </div>
  );
}

function SeriesRangeSelector() {
  const { seriesRange, setSeriesRange } = useTrendsControls();
  return (
    <SegmentedControl<SeriesRange>
      label="Time span"
      options={[
        { value: 'live', label: 'Live', ariaLabel: 'Live, recent batches' },
        { value: '1h', label: '1 h', ariaLabel: 'Last hour, per minute' },
        { value: '6h', label: '6 h', ariaLabel: 'Last 6 hours, per minute' },
        { value: '24h', label: '24 h', ariaLabel: 'Last 24 hours, per minute' },
      ]}
      value={seriesRange}
      onChange={setSeriesRange}
    />
  );
}

/** Per batch or rolling: the chart's unit. */
export function SeriesModeSelector() {
  const { batchIntervalMs, seriesMode, setSeriesMode } = useTrendsControls();
  const batch = batchIntervalMs === null ? 'batch' : formatDurationMs(batchIntervalMs);
  return (
    <SegmentedControl<SeriesMode>
      label="Counts per"
      options={[
        { value: 'rolling', label: '30 s', ariaLabel: 'Posts per 30 seconds, rolling' },
        { value: 'batch', label: batch, ariaLabel: 'Posts per batch' },
      ]}
      value={seriesMode}
      onChange={setSeriesMode}
    />
  );
}

/** The panel's caption: the chart's unit and the time span it covers. */
export function SeriesCaption() {
  const { view, seriesMode, seriesRange } = useTrends();
  if (seriesRange !== 'live') return <>Posts per minute · last {seriesRange.replace('h', ' h')}</>;
  const unit =
    seriesMode === 'rolling'
      ? `Posts per ${formatDurationMs(ROLLING_SPAN_MS)}, rolling`
      : `Posts per ${view ? formatDurationMs(view.stats.batchIntervalMs) : ''} batch`;
  const first = view?.series[0]?.batchTime;
  const last = view?.series.at(-1)?.batchTime;
  if (first === undefined || last === undefined || last <= first) return <>{unit}</>;
  return (
    <>
      {unit} · last {formatDurationMs(last - first)}
    </>
  );
}
