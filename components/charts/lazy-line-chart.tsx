'use client';
/**
 * The line chart, loaded after the first paint and only once its box is near the viewport:
 * recharts is the largest script of the page and the first view does not need it (the bars and
 * lists are HTML); on a phone the chart over time is below the fold, so neither recharts' code
 * nor its redraws at every batch cost anything until the person scrolls to it. Until then, and
 * on the server (recharts measures its box in the browser), a placeholder fills the same box.
 */
import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { useRef } from 'react';
import type { LineChartProps } from './line-chart';
import { useNearViewport } from './use-near-viewport';
import { Skeleton } from '../ui/skeleton';

const loading = <Skeleton className="size-full min-h-40" />;
/** Still (no pulse): a chart off screen may wait long, and an endless animation costs frames. */
const offScreen = (
  <div
    aria-hidden="true"
    className="size-full min-h-40 rounded-md bg-zinc-200/80 dark:bg-zinc-800"
  />
);

const LoadedLineChart = dynamic(() => import('./line-chart').then((module) => module.LineChart), {
  ssr: false,
  loading: () => loading,
}) as <T>(props: LineChartProps<T>) => ReactNode;

export function LineChart<T>(props: LineChartProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div ref={box} className="size-full">
      {near ? <LoadedLineChart {...props} /> : offScreen}
    </div>
  );
}
