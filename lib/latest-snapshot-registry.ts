/**
 * How the dashboard page, rendered on the server, reads the latest state: the custom server
 * registers a reader of its store here, and the page calls `readLatestSnapshot()`.
 *
 * The custom server and Next run in one process, but Next loads the page from its own build
 * output, with its own copy of every module: a module-level variable would not be shared. The
 * reader is therefore kept on `globalThis` under a registry symbol, which both copies see.
 * Without a server (e.g. during `next build`, or pages served without the engine) the page
 * reads null and starts empty, as before, filled by the socket.
 */
import type { DashboardSnapshot } from '@/lib/protocol';

export type SnapshotReader = () => DashboardSnapshot;

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

/** The latest snapshot, or null when no server registered a reader or the reader failed. */
export function readLatestSnapshot(): DashboardSnapshot | null {
  const reader = (globalThis as RegistryHolder)[REGISTRY_KEY];
  if (!reader) return null;
  try {
    return reader();
  } catch {
    // The page then starts empty and the socket fills it: never fail a page for this.
    return null;
  }
}
