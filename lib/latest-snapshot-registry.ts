/**
 * How the dashboard page, rendered on the server, reads the latest state: the custom server
 * registers a reader of its store here, and the page calls `readLatestSnapshot()` (shared
 * through `globalThis`: see global-reader-slot.ts). Without a server (e.g. during `next build`,
 * or pages served without the engine) the page reads null and starts empty, as before, filled
 * by the socket.
 *
 * A page opened with a filter in its address (`?lang=pt&originals=true`) reads the snapshot under
 * that filter, so its first paint already shows the filtered numbers. A reader answers null when
 * it has no numbers under the filter (an instance that does not ingest, before the ingesting one
 * shared them): the page then starts empty rather than unfiltered.
 */
import { globalReaderSlot } from '@/lib/global-reader-slot';
import type { DashboardSnapshot } from '@/lib/protocol';
import { NO_FILTER } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';

export type SnapshotReader = (
  filter: ViewFilter,
) => DashboardSnapshot | null | Promise<DashboardSnapshot | null>;

const snapshotSlot = globalReaderSlot<ViewFilter, DashboardSnapshot>(
  'tagstream.latestSnapshotReader',
);

/**
 * Makes `reader` the one pages read. Returns the function that removes it again; it removes only
 * this reader (a later registration, e.g. of a second server in a test process, stays).
 */
export function registerSnapshotReader(reader: SnapshotReader): () => void {
  return snapshotSlot.register(reader);
}

/**
 * The latest snapshot under `filter`, or null when no server registered a reader, it has no
 * numbers under the filter, or it failed: the page then starts empty and the socket fills it.
 */
export function readLatestSnapshot(
  filter: ViewFilter = NO_FILTER,
): Promise<DashboardSnapshot | null> {
  return snapshotSlot.read(filter);
}
