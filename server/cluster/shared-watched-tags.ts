/**
 * The tags the dashboards watch, gathered from every instance: a dashboard may be connected to
 * any instance, but only the holder's job keeps the history of watched tags. Each instance writes
 * its own dashboards' union into one Redis hash (field: the instance, value: the keys and when
 * they were written); the holder reads the whole hash and leaves out, and deletes, the entries
 * of instances that stopped writing (gone without a goodbye, e.g. killed).
 */
import type { RedisClient } from './redis-connection';

interface WatchedEntry {
  atMs: number;
  keys: string[];
}

export class SharedWatchedTags {
  constructor(
    private readonly client: RedisClient,
    private readonly hashKey: string,
    /** This instance's field in the hash. */
    private readonly owner: string,
    /** Entries older than this are an instance's that stopped. */
    private readonly staleAfterMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Writes this instance's watched keys (replacing what it wrote before). */
  async write(keys: Iterable<string>): Promise<void> {
    const entry: WatchedEntry = { atMs: this.nowMs(), keys: [...keys] };
    await this.client.hSet(this.hashKey, this.owner, JSON.stringify(entry));
  }

  /** Removes this instance's entry (on shutdown). */
  async remove(): Promise<void> {
    await this.client.hDel(this.hashKey, this.owner);
  }

  /** Every instance's watched keys, each once; stale or unreadable entries are deleted. */
  async union(): Promise<Set<string>> {
    const entries = await this.client.hGetAll(this.hashKey);
    const keys = new Set<string>();
    const stale: string[] = [];
    for (const [owner, value] of Object.entries(entries)) {
      const entry = parseEntry(value);
      if (entry === undefined || this.nowMs() - entry.atMs > this.staleAfterMs) stale.push(owner);
      else for (const key of entry.keys) keys.add(key);
    }
    if (stale.length > 0) await this.client.hDel(this.hashKey, stale);
    return keys;
  }
}

function parseEntry(value: string): WatchedEntry | undefined {
  try {
    const entry = JSON.parse(value) as Partial<WatchedEntry>;
    if (typeof entry.atMs !== 'number' || !Array.isArray(entry.keys)) return undefined;
    return { atMs: entry.atMs, keys: entry.keys.filter((key) => typeof key === 'string') };
  } catch {
    return undefined;
  }
}
