/**
 * How the dashboard page, rendered on the server, reads the latest state: the custom server
 * registers a reader of its store here, and the page calls `readLatestSnapshot()`.
 *
 * The custom server and Next run in one process, but Next loads the page from its own build
 * output, with its own copy of every module: a module-level variable would not be shared. The
 * reader is therefore kept on `globalThis` under a registry symbol, which both copies see.
 * Without a server (e.g. during `next build`, or pages served without the engine) the page
 * reads null and starts empty, as before, filled by the socket.
 *
 * A page opened with a filter in its address (`?lang=pt&originals=true`) reads the snapshot under
 * that filter, so its first paint already shows the filtered numbers. A reader answers null when
 * it has no numbers under the filter (an instance that does not ingest, before the ingesting one
 * shared them): the page then starts empty rather than unfiltered.
 */
import type { DashboardSnapshot } from '@/lib/protocol';
import { NO_FILTER } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';

export type SnapshotReader = (
  filter: ViewFilter,
) => DashboardSnapshot | null | Promise<DashboardSnapshot | null>;

const REGISTRY_KEY = Symbol.for('tagstream.latestSnapshotReader');

type RegistryHolder = { [REGISTRY_KEY]?: SnapshotReader };

/**
 * Makes `reader` the one pages read. Returns the function that removes it again; it removes only
 * this reader (a later registration, e.g. of a second server in a test process, stays).
 */
export function registerSnapshotReader(reader: SnapshotReader): () => void {
  const holder = globalThis as RegistryHolder;
  holder[REGISTRY_KEY] = reader;
  return () => {
    if (holder[REGISTRY_KEY] === reader) delete holder[REGISTRY_KEY];
  };
}

/**
 * The latest snapshot under `filter`, or null when no server registered a reader, it has no
 * numbers under the filter, or it failed.
 */
export async function readLatestSnapshot(
  filter: ViewFilter = NO_FILTER,
): Promise<DashboardSnapshot | null> {
  const reader = (globalThis as RegistryHolder)[REGISTRY_KEY];
  if (!reader) return null;
  try {
    return await reader(filter);
  } catch {
    // The page then starts empty and the socket fills it: never fail a page for this.
    return null;
  }
}
