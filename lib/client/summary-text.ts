/** The sentence a screen reader hears about the dashboard (see components/live-summary.tsx). */
import type { WindowResult } from '@/lib/trends/types';
import type { ConnectionState } from './stream-reducer';
import type { DashboardState } from './dashboard-state';
import { formatExactCount, formatWindowMs } from './format';

export function summaryText(
  view: DashboardState | null,
  window: WindowResult | undefined,
  connection: ConnectionState,
  paused: boolean,
  locale?: string,
): string {
  const parts: string[] = [];
  if (connection !== 'live') parts.push(`Connection ${connection}.`);
  if (paused) parts.push('Display paused.');
  if (!view || view.batchTime === null || !window) {
    parts.push('Waiting for the first batch.');
    return parts.join(' ');
  }
  const top = window.top.slice(0, 3);
  if (top.length) {
    const listed = top.map((tag) => `#${tag.tag} ${formatExactCount(tag.count, locale)}`);
    parts.push(
      `Top hashtags in the last ${formatWindowMs(window.windowMs)}: ${listed.join(', ')}.`,
    );
  } else {
    parts.push(`No hashtags in the last ${formatWindowMs(window.windowMs)}.`);
  }
  const rising = view.trending.find((tag) => tag.direction === 'rising' || tag.direction === 'new');
  if (rising) parts.push(`Trending: #${rising.tag}, ${rising.direction}.`);
  return parts.join(' ');
}
