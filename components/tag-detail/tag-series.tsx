'use client';
/**
 * The tag's recent per-batch counts (`GET /api/trends/:tag/series`, under the view's filter),
 * fetched when the detail opens and again every `REFRESH_BATCHES` batches while it stays open.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TagHistoryPoint } from '@/lib/client/dashboard-state';
import { fetchTagSeries } from '@/lib/client/fetch-tag-series';
import { formatClock, formatCount } from '@/lib/client/format';
import type { CompactCategory } from '../charts/compact-line-chart';
import { CompactLineChart } from '../charts/compact-line-chart';
import { useTrends } from '../trends-provider';

const REFRESH_BATCHES = 5;

export function TagSeries({ tagKey, tag }: { tagKey: string; tag: string }) {
  const { latest, filter } = useTrends();
  const [points, setPoints] = useState<TagHistoryPoint[] | null>(null);
  const batches = latest?.stats.batches ?? 0;
  const refresh = Math.floor(batches / REFRESH_BATCHES);
  useEffect(() => {
    const controller = new AbortController();
    fetchTagSeries(tagKey, controller.signal, filter)
      .then((series) => setPoints(series.points))
      .catch(() => undefined);
    return () => controller.abort();
  }, [tagKey, filter, refresh]);
  const categories = useMemo<CompactCategory<TagHistoryPoint>[]>(
    () => [{ id: tagKey, label: `#${tag}`, color: 'var(--color-bar)', value: pointCount }],
    [tagKey, tag],
  );
  // The same box in every state (loading, too few batches, the chart): nothing below it moves.
  if (!points) return <div className="h-36 rounded-lg bg-zinc-100 dark:bg-zinc-800" />;
  if (points.length < 2) {
    return <p className="h-36 text-sm text-zinc-500 dark:text-zinc-400">Not enough batches yet.</p>;
  }
  return (
    <div data-testid="detail-series" className="h-36">
      <CompactLineChart
        data={points}
        index="batchTime"
        categories={categories}
        valueFormatter={countLabel}
        indexFormatter={clockLabel}
      />
    </div>
  );
}

const pointCount = (point: TagHistoryPoint) => point.count;
const countLabel = (value: number) => formatCount(value);
const clockLabel = (batchTime: number) => formatClock(batchTime);
