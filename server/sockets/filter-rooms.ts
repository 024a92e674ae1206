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
 * view it starts with, or why it is refused (malformed, one distinct filter too many, or this
 * instance cannot filter).
 */
export function acceptFilter(
  payload: unknown,
  roomsInUse: ReadonlySet<string>,
  sources: MessageSources,
): { filter: ViewFilter; room: string; view: FilteredLatest } | { refused: string } {
  const filter = parseViewFilter(payload);
  if (filter === undefined) {
    return { refused: 'a filter is { lang?: a language code like pt, originalsOnly?: boolean }' };
  }
  const room = filterRoom(filter);
  if (room !== DASHBOARD_ROOM && !roomsInUse.has(room) && roomsInUse.size >= MAX_DISTINCT_FILTERS) {
    return { refused: `at most ${MAX_DISTINCT_FILTERS} distinct filters are served at once` };
  }
  const view = filteredLatest(sources, sources.store.latest(), filter);
  if (view === undefined) return { refused: 'filters are served by the instance that ingests' };
  return { filter, room, view };
}

/**
 * Each room's view of `latest`, built on first use (once per flush): the plain result for the
 * unfiltered room, the filtered views for the others; plain when this instance can no longer
 * filter (the update's `filter` then says so).
 */
export function roomViews(sources: MessageSources, latest: TrendsBatchResult) {
  const built = new Map<string, { view: FilteredLatest; topKeys: string[] }>();
  return (room: string, filter: ViewFilter) => {
    let entry = built.get(room);
    if (entry === undefined) {
      const roomFilter = room === DASHBOARD_ROOM ? NO_FILTER : filter;
      const view =
        filteredLatest(sources, latest, roomFilter) ?? filteredLatest(sources, latest, NO_FILTER)!;
      entry = { view, topKeys: topSeriesKeys(sources, view) };
      built.set(room, entry);
    }
    return entry;
  };
}
