'use client';
/**
 * What the dashboard's sections read, in two contexts by how often they change. The stream's data
 * changes with every batch (every half second on a live stream); the controls (the chosen window,
 * watched tags, filter, modes, muted tags, alerts, the connection and the actions) change when the
 * user acts or the connection does. A section that shows no per-batch figure reads
 * `useTrendsControls()` and is not re-rendered by a batch; `useTrends()` gives both.
 */
import { createContext, useContext } from 'react';
import type { WindowResult } from '@/lib/trends/types';
import type { TrendsStream } from '@/lib/client/use-trends-socket';
import type { WatchedTag } from '@/lib/client/watch-list';
import type { HistoryRange } from '@/lib/client/tag-history';
import type { ViewFilter } from '@/lib/view-filters';
import type { MutedTags } from '@/lib/client/use-muted-tags';
import type { TagAlerts } from '@/lib/client/use-tag-alerts';
import type { DashboardState } from '@/lib/client/dashboard-state';
import type { WindowOption } from '@/lib/client/window-options';

export type SeriesMode = 'batch' | 'rolling';
export type SeriesRange = 'live' | HistoryRange;

/** The shown view as it is now, read when the user acts (e.g. a download), not rendered. */
export interface ShownNow {
  view: DashboardState | null;
  selectedWindow: WindowResult | undefined;
}

export interface TrendsControls
  extends
    Pick<TrendsStream, 'connection' | 'paused' | 'togglePause'>,
    Omit<MutedTags, 'shownView'>,
    TagAlerts {
  /** A view is shown (the first snapshot has arrived, or came with the page). */
  hasView: boolean;
  /** The shown view holds a batch. */
  hasBatch: boolean;
  /** The engine's batch interval; null before the first snapshot. */
  batchIntervalMs: number | null;
  /** The windows the server computes (the same array while their labels are the same). */
  windowOptions: readonly WindowOption[];
  /** The label of the window shown (the chosen one, or the first when it is unknown). */
  shownWindowLabel: string | undefined;
  /** Display spelling per key of the held series (the same map while unchanged). */
  spellings: ReadonlyMap<string, string>;
  /** The shown view and window at the moment of the call. */
  readShown: () => ShownNow;
  selectWindow: (label: string) => void;
  watched: WatchedTag[];
  toggleTag: (tag: { key: string; tag: string }) => void;
  unwatchTag: (key: string) => void;
  /** A short notice for the user, e.g. that the chart is full; null when none. */
  notice: string | null;
  /** How the time chart counts: per batch, or rolling sums over `ROLLING_SPAN_MS`. */
  seriesMode: SeriesMode;
  setSeriesMode: (mode: SeriesMode) => void;
  /** What the time chart spans: the live recent batches, or the last 1, 6 or 24 hours. */
  seriesRange: SeriesRange;
  setSeriesRange: (range: SeriesRange) => void;
  /** Language and originals-only filter of the top list, trending list and series. */
  filter: ViewFilter;
  setFilter: (filter: ViewFilter) => void;
  /** The tag whose detail view is open; null when none. */
  detailTag: { key: string; tag: string } | null;
  openTag: (tag: { key: string; tag?: string }) => void;
  closeTag: () => void;
}

export interface TrendsContextValue extends TrendsControls, TrendsStream {
  /** The chosen window in `view`, undefined before the first snapshot. */
  selectedWindow: WindowResult | undefined;
  /** `view` without the muted tags (`view` is that too). */
  shownView: DashboardState | null;
}

export const TrendsControlsContext = createContext<TrendsControls | null>(null);
export const TrendsContext = createContext<TrendsContextValue | null>(null);

/** Everything, the stream's data included: re-renders with every batch. */
export function useTrends(): TrendsContextValue {
  const value = useContext(TrendsContext);
  if (!value) throw new Error('useTrends() must be used inside <TrendsProvider>');
  return value;
}

/** The controls and the view's settings only: not re-rendered by a batch. */
export function useTrendsControls(): TrendsControls {
  const value = useContext(TrendsControlsContext);
  if (!value) throw new Error('useTrendsControls() must be used inside <TrendsProvider>');
  return value;
}
