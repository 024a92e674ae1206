'use client';
/**
 * The line chart, loaded after the first paint: recharts is the largest script of the page and
 * the first view does not need it (the bars and lists are HTML). Until it has loaded, and on the
 * server (recharts measures its box in the browser), a placeholder fills the same box.
 */
import dynamic from 'next/dynamic';
import type { LineChart as EagerLineChart } from './line-chart';
import { Skeleton } from '../ui/skeleton';

export const LineChart = dynamic(() => import('./line-chart').then((module) => module.LineChart), {
  ssr: false,
  loading: () => <Skeleton className="size-full min-h-40" />,
}) as typeof EagerLineChart;
