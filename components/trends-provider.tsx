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
  /** The view named in the page's address (`?window=15m&tags=…`), read by the page. */
  initialView?: ViewUrlState;
}

export function TrendsProvider({
  children,
  initialSnapshot = null,
  initialView = NO_VIEW,
}: TrendsProviderProps) {
  const [windowLabel, setWindowLabel] = useState(initialView.window ?? DEFAULT_WINDOW_LABEL);
  const [watched, setWatched] = useState<WatchedTag[]>(() =>
    initialWatched(initialSnapshot, initialView.tags, windowLabel),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [seriesMode, setSeriesMode] = useState<SeriesMode>(initialView.unit ?? 'rolling');
  const [seriesRange, setSeriesRange] = useState<SeriesRange>('live');
  const [filter, setFilter] = useState<ViewFilter>(() => initialFilter(initialView));
  const [detailTag, setDetailTag] = useState<{ key: string; tag: string } | null>(() =>
    initialView.detail ? { key: initialView.detail, tag: initialView.detail } : null,
  );
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
  // The address's tags (even none) are the user's choice: the top three are not drawn instead.
  const seeded = useRef(initialView.tags !== undefined || watched.length > 0);

  useViewUrl({
    window: windowLabel,
    tags: seeded.current ? watchedKeys : undefined,
    unit: seriesMode,
    lang: filter.lang,
    originalsOnly: filter.originalsOnly,
    detail: detailTag?.key,
  });

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
const NO_VIEW: ViewUrlState = {};

/**
 * The tags of the address, spelt as the snapshot's top lists spell them where they appear there;
 * else the top three of the chosen window.
 */
function initialWatched(
  snapshot: DashboardSnapshot | null,
  keys: string[] | undefined,
  windowLabel: string,
): WatchedTag[] {
  if (keys) {
    const spellings = new Map<string, string>();
    for (const window of snapshot?.windows ?? []) {
      for (const tag of window.top) if (!spellings.has(tag.key)) spellings.set(tag.key, tag.tag);
    }
    const tags = keys.map((key) => ({ key, tag: spellings.get(key) ?? key }));
    return seedWatched(tags, MAX_WATCHED_TAGS);
  }
  const window =
    snapshot?.windows.find((candidate) => candidate.label === windowLabel) ?? snapshot?.windows[0];
  return window ? seedWatched(window.top) : [];
}

function initialFilter(view: ViewUrlState): ViewFilter {
  if (!view.lang && !view.originalsOnly) return NO_FILTER;
  return { lang: view.lang, originalsOnly: view.originalsOnly || undefined };
}
