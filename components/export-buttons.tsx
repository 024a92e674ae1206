'use client';
/**
 * Downloads of what a panel shows: the top list as CSV, JSON and PNG, the chart over time as CSV
 * and PNG. Everything is made in the browser; file names carry the window and the batch time.
 */
import { useState } from 'react';
import { downloadFile } from '@/lib/client/download-file';
import type { TopListExport } from '@/lib/client/export-files';
import { exportFileName, seriesCsv, topListCsv, topListJson } from '@/lib/client/export-files';
import { rollingSums, spanInBatches } from '@/lib/client/rolling-series';
import { formatClock, formatCount, formatWindowMs } from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import { ROLLING_SPAN_MS } from './series-panel';
import { TOP_BARS } from './top-tags-chart';
import { useTrendsControls } from './trends-provider';

const BUTTON_CLASS =
  'rounded-md px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800';

function ExportButton({
  format,
  what,
  onClick,
}: {
  format: string;
  what: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-label={`${format} of ${what}`}
      onClick={onClick}
      className={BUTTON_CLASS}
    >
      {format}
    </button>
  );
}

/**
 * The buttons render once per change of the controls, not per batch: each click reads the view
 * shown at that moment.
 */
export function TopExportButtons() {
  const { hasBatch, shownWindowLabel, readShown, filter, watched } = useTrendsControls();
  const [error, setError] = useState<string | null>(null);
  if (!hasBatch || shownWindowLabel === undefined) return null;
  const shownList = (): TopListExport | null => {
    const { view, selectedWindow } = readShown();
    if (view?.batchTime == null || !selectedWindow) return null;
    return {
      window: selectedWindow.label,
      windowMs: selectedWindow.windowMs,
      batchTime: view.batchTime,
      approximate: selectedWindow.approximate,
      filter,
      tags: selectedWindow.top.slice(0, TOP_BARS),
    };
  };
  const name = (
    list: TopListExport,
    ext: 'csv' | 'json' | 'png',
    what: 'top' | 'top-chart' = 'top',
  ) => exportFileName(what, list.window, list.batchTime, ext);
  const withList = (download: (list: TopListExport) => void) => () => {
    const list = shownList();
    if (list) download(list);
  };
  return (
    <div role="group" aria-label="Download the top hashtags" className="flex items-center gap-0.5">
      <ExportButton
        format="CSV"
        what="the top hashtags"
        onClick={withList((list) =>
          downloadFile(topListCsv(list), name(list, 'csv'), 'text/csv;charset=utf-8'),
        )}
      />
      <ExportButton
        format="JSON"
        what="the top hashtags"
        onClick={withList((list) =>
          downloadFile(topListJson(list), name(list, 'json'), 'application/json'),
        )}
      />
      <ExportButton
        format="PNG"
        what="the top hashtags chart"
        onClick={withList((list) => {
          const slots = new Map(watched.map((tag) => [tag.key, tag.colorSlot]));
          const title = `Top hashtags · last ${formatWindowMs(list.windowMs)} · ${new Date(list.batchTime).toISOString()}`;
          const rows = list.tags.map((tag) => {
            const slot = slots.get(tag.key);
            return {
              label: `#${tag.tag}`,
              value: tag.count,
              valueLabel: `${list.approximate && tag.error > 0 ? '≈' : ''}${formatCount(tag.count)}`,
              color: cssColor(slot === undefined ? 'var(--color-bar)' : seriesColor(slot).css),
            };
          });
          // The PNG drawing code loads on the first PNG download: few visits need it.
          void import('@/lib/client/bar-chart-png')
            .then(({ barChartPng }) => barChartPng(title, rows, pageStyle()))
            .then((blob) => downloadFile(blob, name(list, 'png', 'top-chart')))
            .then(() => setError(null))
            .catch((failure: Error) => setError(failure.message));
        })}
      />
      <ExportError error={error} />
    </div>
  );
}

export function SeriesExportButtons() {
  const { hasBatch, readShown, watched, seriesMode, seriesRange } = useTrendsControls();
  const [error, setError] = useState<string | null>(null);
  if (!hasBatch || seriesRange !== 'live' || !watched.length) return null;
  /** The chart's series as shown at the click: the same sums, unit and tags. */
  const shownSeries = () => {
    const { view, selectedWindow } = readShown();
    if (view?.batchTime == null) return null;
    const span =
      seriesMode === 'rolling' ? spanInBatches(ROLLING_SPAN_MS, view.stats.batchIntervalMs) : 1;
    return {
      window: selectedWindow?.label ?? 'live',
      batchTime: view.batchTime,
      unit: seriesMode === 'rolling' ? 'posts per 30 s, rolling' : 'posts per batch',
      tags: watched.map((tag) => ({ ...tag, tag: view.spellings.get(tag.key) ?? tag.tag })),
      rows: rollingSums(
        view.series,
        watched.map((tag) => tag.key),
        span,
      ),
    };
  };
  const onCsv = () => {
    const series = shownSeries();
    if (!series) return;
    const csv = seriesCsv({
      window: series.window,
      batchTime: series.batchTime,
      unit: series.unit,
      tags: series.tags.map(({ key, tag }) => ({ key, tag })),
      points: series.rows.map((row) => ({ batchTime: row.batchTime, values: row.sums })),
    });
    const fileName = exportFileName('series', series.window, series.batchTime, 'csv');
    downloadFile(csv, fileName, 'text/csv;charset=utf-8');
  };
  const onPng = () => {
    const series = shownSeries();
    if (!series) return;
    const title = `Hashtags over time · ${series.unit} · ${new Date(series.batchTime).toISOString()}`;
    const data = {
      title,
      xs: series.rows.map((row) => row.batchTime),
      lines: series.tags.map((tag, place) => ({
        label: `#${tag.tag}`,
        color: cssColor(seriesColor(tag.colorSlot).css),
        ys: series.rows.map((row) => row.sums[place] ?? 0),
      })),
      formatX: (x: number) => formatClock(x),
      formatY: (y: number) => formatCount(y),
    };
    const fileName = exportFileName('series-chart', series.window, series.batchTime, 'png');
    // Like the top list's, the drawing code loads on the first PNG download.
    void import('@/lib/client/line-chart-png')
      .then(({ lineChartPng }) => lineChartPng(data, pageStyle()))
      .then((blob) => downloadFile(blob, fileName))
      .then(() => setError(null))
      .catch((failure: Error) => setError(failure.message));
  };
  return (
    <div
      role="group"
      aria-label="Download the chart over time"
      className="flex items-center gap-0.5"
    >
      <ExportButton format="CSV" what="the chart over time" onClick={onCsv} />
      <ExportButton format="PNG" what="the chart over time" onClick={onPng} />
      <ExportError error={error} />
    </div>
  );
}

/** Why the last download of a group failed, announced; nothing once one succeeds. */
function ExportError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <span role="alert" className="text-xs text-red-700 dark:text-red-300">
      {error}
    </span>
  );
}

/** A colour as a canvas takes it: `var(--name)` resolved on the page's root (the theme's value). */
function cssColor(color: string): string {
  const property = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
  if (property === undefined) return color;
  return getComputedStyle(document.documentElement).getPropertyValue(property).trim() || '#0ea5e9';
}

function pageStyle() {
  const body = getComputedStyle(document.body);
  const card = document.querySelector('section');
  return {
    background: card ? getComputedStyle(card).backgroundColor : body.backgroundColor,
    text: body.color,
    muted: cssColor('var(--color-axis)'),
    fontFamily: body.fontFamily,
  };
}
