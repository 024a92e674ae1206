/**
 * The socket rooms of the filters: unfiltered dashboards share `DASHBOARD_ROOM`, each filter in
 * use has a room of its own whose update is built once per flush (see `Hub`).
 */
import { MAX_DISTINCT_FILTERS } from '@/lib/protocol';
import { filterId } from '@/lib/trends/filters/filter-cells';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { isUnfiltered, NO_FILTER, parseViewFilter } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';
import { filteredLatest, topSeriesKeys } from './hub-messages';
import type { FilteredLatest, MessageSources } from './hub-messages';

/** Every unfiltered dashboard socket is in this room; the shared update is broadcast to it. */
export const DASHBOARD_ROOM = 'dashboards';

/** The room of the dashboards under `filter`. */
export function filterRoom(filter: ViewFilter): string {
  return isUnfiltered(filter) ? DASHBOARD_ROOM : `filter:${filterId(filter)}`;
}

/**
 * A client's `filter` message checked against the rooms in use: the filter, its room and the
 * view it starts with (undefined while the numbers under it are not here yet: on an instance
 * that does not ingest, until the holder shares them), or why it is refused (malformed, or one
 * distinct filter too many).
 */
export function acceptFilter(
  payload: unknown,
  roomsInUse: ReadonlySet<string>,
  sources: MessageSources,
): { filter: ViewFilter; room: string; view: FilteredLatest | undefined } | { refused: string } {
  const filter = parseViewFilter(payload);
  if (filter === undefined) {
    return { refused: 'a filter is { lang?: a language code like pt, originalsOnly?: boolean }' };
  }
  const room = filterRoom(filter);
  if (room !== DASHBOARD_ROOM && !roomsInUse.has(room) && roomsInUse.size >= MAX_DISTINCT_FILTERS) {
    return { refused: `at most ${MAX_DISTINCT_FILTERS} distinct filters are served at once` };
  }
  return { filter, room, view: filteredLatest(sources, sources.store.latest(), filter) };
}

export interface RoomView {
  view: FilteredLatest;
  topKeys: string[];
}

/**
 * Each room's view of `latest`, built on first use (once per flush): the plain result for the
 * unfiltered room, the filtered views for the others; undefined for a filter whose numbers are
 * not here (yet): its clients wait for a later flush.
 */
export function roomViews(sources: MessageSources, latest: TrendsBatchResult) {
  const built = new Map<string, RoomView | undefined>();
  return (room: string, filter: ViewFilter): RoomView | undefined => {
    if (built.has(room)) return built.get(room);
    const roomFilter = room === DASHBOARD_ROOM ? NO_FILTER : filter;
    const view = filteredLatest(sources, latest, roomFilter);
    const entry = view && { view, topKeys: topSeriesKeys(sources, view) };
    built.set(room, entry);
    return entry;
  };
}
