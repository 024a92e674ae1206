/**
 * What the dashboard exports, built in the browser from what it shows: the top list as CSV and
 * JSON (rank, tag, count, error bound, window, batch time, filters) and the chart's points as
 * CSV. File names carry the window and the batch time. CSV follows RFC 4180 (CRLF, quoted
 * fields), and a field that a spreadsheet would read as a formula is prefixed with `'`.
 */
import type { TagCount } from '@/lib/trends/types';
import type { ViewFilter } from '@/lib/view-filters';

export interface TopListExport {
  window: string;
  windowMs: number;
  batchTime: number;
  approximate: boolean;
  filter: ViewFilter;
  /** The rows as shown, in rank order. */
  tags: readonly TagCount[];
}

export interface SeriesExport {
  window: string;
  batchTime: number;
  /** What a value counts, e.g. `posts per 30 s, rolling`. */
  unit: string;
  tags: readonly { key: string; tag: string }[];
  /** Oldest first; `values[i]` belongs to `tags[i]`. */
  points: readonly { batchTime: number; values: readonly number[] }[];
}

export function topListCsv(list: TopListExport): string {
  const header = ['rank', 'tag', 'key', 'count', 'error', 'window', 'batch_time', 'lang'];
  header.push('originals_only');
  const batchTime = isoTime(list.batchTime);
  const rows = list.tags.map((tag, index) => [
    String(index + 1),
    `#${tag.tag}`,
    tag.key,
    String(tag.count),
    String(tag.error),
    list.window,
    batchTime,
    list.filter.lang ?? 'all',
    String(list.filter.originalsOnly === true),
  ]);
  return csv([header, ...rows]);
}

export function topListJson(list: TopListExport): string {
  const document = {
    window: list.window,
    windowMs: list.windowMs,
    batchTime: isoTime(list.batchTime),
    batchTimeMs: list.batchTime,
    approximate: list.approximate,
    filters: { lang: list.filter.lang ?? null, originalsOnly: list.filter.originalsOnly === true },
    tags: list.tags.map((tag, index) => ({
      rank: index + 1,
      tag: tag.tag,
      key: tag.key,
      count: tag.count,
      error: tag.error,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One row per point and tag: `batch_time,batch_time_ms,tag,key,count,unit`. */
export function seriesCsv(series: SeriesExport): string {
  const rows = series.points.flatMap((point) =>
    series.tags.map((tag, index) => [
      isoTime(point.batchTime),
      String(point.batchTime),
      `#${tag.tag}`,
      tag.key,
      String(point.values[index] ?? 0),
      series.unit,
    ]),
  );
  return csv([['batch_time', 'batch_time_ms', 'tag', 'key', 'count', 'unit'], ...rows]);
}

/** `tagstream-top-5m-2026-11-26T12-00-05Z.csv`: safe on every file system. */
export function exportFileName(
  what: 'top' | 'top-chart' | 'series' | 'series-chart',
  window: string,
  batchTime: number,
  extension: 'csv' | 'json' | 'png',
): string {
  const time = isoTime(batchTime)
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const safeWindow = window.replace(/[^A-Za-z0-9]/g, '');
  return `tagstream-${what}-${safeWindow}-${time}.${extension}`;
}

function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
