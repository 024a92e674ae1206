'use client';
/**
 * Holds the dashboard's client state: the socket stream (via useTrendsSocket), the chosen window,
 * the watched tags, the filter, the muted tags, the open tag detail and the tag alerts, with the
 * view mirrored in the address bar. Sections read it with `useTrends()`, or
 * `useTrendsControls()` when they show no per-batch figure (see trends-context.ts). The page renders it on the server
 * with the latest snapshot and the window of the address, so the first paint has the bars, the
 * lists and the top three lines, and hydration renders the same without fetching anything.
 */
import type { ReactNode } from 'react';
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DashboardSnapshot } from '@/lib/protocol';
import { findWindow } from '@/lib/client/dashboard-state';
import { useTrendsSocket } from '@/lib/client/use-trends-socket';
import type { WatchedTag } from '@/lib/client/watch-list';
import { removeWatched, seedWatched, toggleWatched } from '@/lib/client/watch-list';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import type { TagDetailRequest } from '@/lib/tag-detail-protocol';
import type { ViewFilter } from '@/lib/view-filters';
import { NO_FILTER } from '@/lib/view-filters';
import type { ViewUrlState } from '@/lib/client/view-url';
import { DEFAULT_WINDOW_LABEL } from '@/lib/client/view-url';
import { useViewUrl } from '@/lib/client/use-view-url';
import { useMutedTags } from '@/lib/client/use-muted-tags';
import { useTagAlerts } from '@/lib/client/use-tag-alerts';
import { windowOptionsKey, windowOptionsOf } from '@/lib/client/window-options';
import type {
  SeriesMode,
  SeriesRange,
  ShownNow,
  TrendsContextValue,
  TrendsControls,
} from './trends-context';
import { TrendsContext, TrendsControlsContext } from './trends-context';

export type { SeriesMode, SeriesRange, TrendsContextValue, TrendsControls } from './trends-context';
export { useTrends, useTrendsControls } from './trends-context';

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
  // A transition: it comes right after hydration, and a plain update there would render the
  // whole provider at once, with nothing able to interrupt it.
  useEffect(() => {
    if (seeded.current || !selectedWindow?.top.length) return;
    seeded.current = true;
    const seeds = seedWatched(selectedWindow.top);
    startTransition(() => setWatched(seeds));
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

  const { latest, lastMessageAtMs, detailUpdate, connection, paused, togglePause } = stream;
  const { alerts, marks, setTagAlert, removeTagAlert, dismissMark } = alerting;
  const view = shownView;
  const shown = useRef<ShownNow>({ view, selectedWindow });
  useLayoutEffect(() => {
    shown.current = { view, selectedWindow };
  });
  const readShown = useCallback(() => shown.current, []);
  const windowKey = windowOptionsKey(view);
  const windowOptions = useMemo(() => windowOptionsOf(windowKey), [windowKey]);
  const hasView = view !== null;
  const hasBatch = view?.batchTime != null;
  const batchIntervalMs = view?.stats.batchIntervalMs ?? null;
  const shownWindowLabel = selectedWindow?.label;
  const spellings = view?.spellings ?? NO_SPELLINGS;
  // The controls change when the user acts or the connection does, not with a batch: the
  // sections that read only them are not re-rendered by one.
  const controls = useMemo<TrendsControls>(
    () => ({
      connection,
      paused,
      togglePause,
      hasView,
      hasBatch,
      batchIntervalMs,
      windowOptions,
      shownWindowLabel,
      spellings,
      readShown,
      selectWindow: setWindowLabel,
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
      alerts,
      marks,
      setTagAlert,
      removeTagAlert,
      dismissMark,
    }),
    [
      connection,
      paused,
      togglePause,
      hasView,
      hasBatch,
      batchIntervalMs,
      windowOptions,
      shownWindowLabel,
      spellings,
      readShown,
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
      alerts,
      marks,
      setTagAlert,
      removeTagAlert,
      dismissMark,
    ],
  );
  const value = useMemo<TrendsContextValue>(
    () => ({ ...controls, view, latest, lastMessageAtMs, detailUpdate, selectedWindow, shownView }),
    [controls, view, latest, lastMessageAtMs, detailUpdate, selectedWindow, shownView],
  );
  return (
    <TrendsControlsContext value={controls}>
      <TrendsContext value={value}>{children}</TrendsContext>
    </TrendsControlsContext>
  );
}

const NO_SPELLINGS: ReadonlyMap<string, string> = new Map();

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
