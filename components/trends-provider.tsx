'use client';
/**
 * Holds the dashboard's client state: the socket stream (via useTrendsSocket), the chosen window
 * and the watched tags. Sections read it with `useTrends()`. The page renders it on the server
 * with the latest snapshot and the window of the address, so the first paint has the bars, the
 * lists and the top three lines, and hydration renders the same without fetching anything.
 */
import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DashboardSnapshot } from '@/lib/protocol';
import type { WindowResult } from '@/lib/trends/types';
import { findWindow } from '@/lib/client/dashboard-state';
import { useTrendsSocket } from '@/lib/client/use-trends-socket';
import type { TrendsStream } from '@/lib/client/use-trends-socket';
import type { WatchedTag } from '@/lib/client/watch-list';
import type { HistoryRange } from '@/lib/client/tag-history';
import { removeWatched, seedWatched, toggleWatched } from '@/lib/client/watch-list';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';

/** The window shown first when the URL names none and the server offers it. */
const DEFAULT_WINDOW_LABEL = '5m';

export interface TrendsContextValue extends TrendsStream {
  /** The chosen window in `view`, undefined before the first snapshot. */
  selectedWindow: WindowResult | undefined;
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
}

export type SeriesMode = 'batch' | 'rolling';
export type SeriesRange = 'live' | HistoryRange;

const TrendsContext = createContext<TrendsContextValue | null>(null);

export function useTrends(): TrendsContextValue {
  const value = useContext(TrendsContext);
  if (!value) throw new Error('useTrends() must be used inside <TrendsProvider>');
  return value;
}

export interface TrendsProviderProps {
  children: ReactNode;
  /** The latest state when the page was rendered; null when the server had none to give. */
  initialSnapshot?: DashboardSnapshot | null;
  /** The window named in the page's address (`?window=15m`), if any. */
  initialWindow?: string;
}

export function TrendsProvider({
  children,
  initialSnapshot = null,
  initialWindow,
}: TrendsProviderProps) {
  const [windowLabel, setWindowLabel] = useState(initialWindow ?? DEFAULT_WINDOW_LABEL);
  const [watched, setWatched] = useState<WatchedTag[]>(() =>
    initialSeed(initialSnapshot, windowLabel),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [seriesMode, setSeriesMode] = useState<SeriesMode>('rolling');
  const [seriesRange, setSeriesRange] = useState<SeriesRange>('live');
  const watchedKeys = useMemo(() => watched.map((tag) => tag.key), [watched]);
  const stream = useTrendsSocket(watchedKeys, initialSnapshot);
  const selectedWindow = stream.view ? findWindow(stream.view, windowLabel) : undefined;
  const seeded = useRef(watched.length > 0);

  useWindowFromUrl(setWindowLabel);

  // First load: draw the top 3 tags of the chosen window, unless the user picked tags already.
  useEffect(() => {
    if (seeded.current || !selectedWindow?.top.length) return;
    seeded.current = true;
    setWatched(seedWatched(selectedWindow.top));
  }, [selectedWindow]);

  const toggleTag = useCallback(
    (tag: { key: string; tag: string }) => {
      seeded.current = true;
      const result = toggleWatched(watched, tag);
      setNotice(
        result.outcome === 'full'
          ? `The chart shows at most ${MAX_WATCHED_TAGS} hashtags; remove one first.`
          : null,
      );
      setWatched(result.list);
    },
    [watched],
  );

  const unwatchTag = useCallback((key: string) => {
    seeded.current = true;
    setNotice(null);
    setWatched((list) => removeWatched(list, key));
  }, []);

  const selectWindow = useCallback((label: string) => {
    setWindowLabel(label);
    const url = new URL(window.location.href);
    url.searchParams.set('window', label);
    window.history.replaceState(null, '', url);
  }, []);

  const { connection, view, latest, paused, togglePause, lastMessageAtMs } = stream;
  // One value per change of what it holds: a re-render of the provider alone re-renders no section.
  const value = useMemo<TrendsContextValue>(
    () => ({
      connection,
      view,
      latest,
      paused,
      togglePause,
      lastMessageAtMs,
      selectedWindow,
      selectWindow,
      watched,
      toggleTag,
      unwatchTag,
      notice,
      seriesMode,
      setSeriesMode,
      seriesRange,
      setSeriesRange,
    }),
    [
      connection,
      view,
      latest,
      paused,
      togglePause,
      lastMessageAtMs,
      selectedWindow,
      selectWindow,
      watched,
      toggleTag,
      unwatchTag,
      notice,
      seriesMode,
      seriesRange,
    ],
  );
  return <TrendsContext value={value}>{children}</TrendsContext>;
}

/** The top three tags of the window, drawn from the start (none without a snapshot). */
function initialSeed(snapshot: DashboardSnapshot | null, windowLabel: string): WatchedTag[] {
  const window =
    snapshot?.windows.find((candidate) => candidate.label === windowLabel) ?? snapshot?.windows[0];
  return window ? seedWatched(window.top) : [];
}

/** `?window=15m` in the address picks the window, so a wall screen can be bookmarked to one. */
function useWindowFromUrl(setWindowLabel: (label: string) => void) {
  useEffect(() => {
    const label = new URLSearchParams(window.location.search).get('window');
    if (label) setWindowLabel(label);
  }, [setWindowLabel]);
}
