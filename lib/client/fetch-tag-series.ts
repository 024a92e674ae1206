/** Client for `GET /api/trends/:tag/series`: the recent per-batch counts of one hashtag. */
import type { ViewFilter } from '@/lib/view-filters';
import type { TagHistoryPoint } from './dashboard-state';
import { filterQuery } from './filter-query';

export interface TagSeries {
  tag: string;
  key: string;
  batchIntervalMs: number;
  points: TagHistoryPoint[];
}

/** Fetches a tag's history; rejects on a non-2xx answer or a body of the wrong shape. */
export async function fetchTagSeries(
  key: string,
  signal?: AbortSignal,
  filter: ViewFilter = {},
): Promise<TagSeries> {
  const response = await fetch(
    `/api/trends/${encodeURIComponent(key)}/series${filterQuery(filter)}`,
    {
      signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    },
  );
  if (!response.ok) throw new Error(`series of ${key}: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<TagSeries>;
  if (!Array.isArray(body.points) || typeof body.key !== 'string') {
    throw new Error(`series of ${key}: unexpected body`);
  }
  return {
    tag: typeof body.tag === 'string' ? body.tag : key,
    key: body.key,
    batchIntervalMs: body.batchIntervalMs ?? 0,
    points: body.points.filter(
      (point) => Number.isFinite(point?.batchTime) && Number.isFinite(point?.count),
    ),
  };
}
