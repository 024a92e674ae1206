'use client';
/**
 * The recharts line chart (the last hours, per minute), loaded only once the person picks that
 * span and its box is near the viewport: recharts is the largest script the page can load, and
 * no first view needs it. Until then, and on the server (recharts measures its box in the
 * browser), a placeholder fills the same box.
 */
import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import type { LineChartProps } from './line-chart';
import { WhenNearViewport } from './when-near-viewport';
import { Skeleton } from '../ui/skeleton';

const loading = <Skeleton className="size-full min-h-40" />;

const LoadedLineChart = dynamic(() => import('./line-chart').then((module) => module.LineChart), {
  ssr: false,
  loading: () => loading,
}) as <T>(props: LineChartProps<T>) => ReactNode;

export function LineChart<T>(props: LineChartProps<T>) {
  return (
    <WhenNearViewport>
      <LoadedLineChart {...props} />
    </WhenNearViewport>
  );
}
