'use client';
/**
 * Holds the dashboard's client state: the socket stream (via useTrendsSocket), the chosen window,
 * the watched tags, the filter, the muted tags, the open tag detail and the tag alerts, with the
 * view mirrored in the address bar. Sections read it with `useTrends()`. The page renders it on the server
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
import type { TagDetailRequest } from '@/lib/tag-detail-protocol';
import type { ViewFilter } from '@/lib/view-filters';
import { NO_FILTER } from '@/lib/view-filters';
import type { ViewUrlState } from '@/lib/client/view-url';
import { useViewUrl } from '@/lib/client/use-view-url';
import type { MutedTags } from '@/lib/client/use-muted-tags';
import { useMutedTags } from '@/lib/client/use-muted-tags';
import type { TagAlerts } from '@/lib/client/use-tag-alerts';
import { useTagAlerts } from '@/lib/client/use-tag-alerts';

/** The window shown first when the URL names none and the server offers it. */
const DEFAULT_WINDOW_LABEL = '5m';

export interface TrendsContextValue extends TrendsStream, MutedTags, TagAlerts {
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
  /** Language and originals-only filter of the top list, trending list and series. */
  filter: ViewFilter;
  setFilter: (filter: ViewFilter) => void;
  /** The tag whose detail view is open; null when none. */
  detailTag: { key: string; tag: string } | null;
  openTag: (tag: { key: string; tag?: string }) => void;
  closeTag: () => void;
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
  const [filter, setFilter] = useState<ViewFilter>(NO_FILTER);
  const [detailTag, setDetailTag] = useState<{ key: string; tag: string } | null>(null);
  const watchedKeys = useMemo(() => watched.map((tag) => tag.key), [watched]);
  const detailRequest = useMemo<TagDetailRequest | null>(
    () => (detailTag ? { key: detailTag.key, window: windowLabel } : null),
    [detailTag, windowLabel],
  );
  const stream = useTrendsSocket(watchedKeys, initialSnapshot, filter, detailRequest);
  const muting = useMutedTags(stream.view);
  const alerting = useTagAlerts(stream.latest);
  const shownView = muting.shownView;
  const selectedWindow = shownView ? findWindow(shownView, windowLabel) : undefined;
  const seeded = useRef(watched.length > 0);

  const restore = useCallback((state: ViewUrlState) => {
    if (state.window) setWindowLabel(state.window);
    if (state.unit) setSeriesMode(state.unit);
    if (state.lang || state.originalsOnly) {
      setFilter({ lang: state.lang, originalsOnly: state.originalsOnly || undefined });
    }
    if (state.detail) setDetailTag({ key: state.detail, tag: state.detail });
    if (state.tags) {
      seeded.current = true;
      const tags = state.tags.map((key) => ({ key, tag: key }));
      setWatched(seedWatched(tags, MAX_WATCHED_TAGS));
    }
  }, []);
  useViewUrl(
    {
      window: windowLabel,
      tags: seeded.current ? watchedKeys : undefined,
      unit: seriesMode,
      lang: filter.lang,
      originalsOnly: filter.originalsOnly,
      detail: detailTag?.key,
    },
    restore,
  );

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

  const { muteTag: muteOnly, muted, unmuteTag } = muting;
  const muteTag = useCallback(
    (tag: { key: string; tag: string }) => {
      muteOnly(tag);
      unwatchTag(tag.key);
    },
    [muteOnly, unwatchTag],
  );

  const openTag = useCallback((tag: { key: string; tag?: string }) => {
    setDetailTag({ key: tag.key, tag: tag.tag ?? tag.key });
  }, []);
  const closeTag = useCallback(() => setDetailTag(null), []);

  const { connection, latest, paused, togglePause, lastMessageAtMs, detailUpdate } = stream;
  const { alerts, marks, setTagAlert, removeTagAlert, dismissMark } = alerting;
  const view = shownView;
  const selectWindow = setWindowLabel;
  // One value per change of what it holds: a re-render of the provider alone re-renders no section.
  const value = useMemo<TrendsContextValue>(
    () => ({
      connection,
      view,
      latest,
      paused,
      togglePause,
      lastMessageAtMs,
      detailUpdate,
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
      filter,
      setFilter,
      detailTag,
      openTag,
      closeTag,
      muted,
      muteTag,
      unmuteTag,
      shownView,
      alerts,
      marks,
      setTagAlert,
      removeTagAlert,
      dismissMark,
    }),
    [
      connection,
      view,
      latest,
      paused,
      togglePause,
      lastMessageAtMs,
      detailUpdate,
      selectedWindow,
      selectWindow,
      watched,
      toggleTag,
      unwatchTag,
      notice,
      seriesMode,
      seriesRange,
      filter,
      detailTag,
      openTag,
      closeTag,
      muted,
      muteTag,
      unmuteTag,
      shownView,
      alerts,
      marks,
      setTagAlert,
      removeTagAlert,
      dismissMark,
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
