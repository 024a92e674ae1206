/**
 * Every instance's `ViewDemand`, gathered in one Redis hash (field: the instance, value: its
 * demand and when it was written), as the watched tags are (`SharedWatchedTags`). The holder
 * reads the whole hash once per batch and leaves out, and deletes, the entries of instances that
 * stopped writing (gone without a goodbye, e.g. killed).
 */
import { isUnfiltered, parseViewFilter } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';
import type { RedisClient } from './redis-connection';
import { mergeDemands } from './view-demand';
import type { ViewDemand, ViewDemandBounds } from './view-demand';

interface DemandEntry extends ViewDemand {
  writtenAtMs: number;
}

export class SharedViewDemand {
  constructor(
    private readonly client: RedisClient,
    private readonly hashKey: string,
    /** This instance's field in the hash. */
    private readonly owner: string,
    /** Entries older than this are an instance's that stopped. */
    private readonly staleAfterMs: number,
    private readonly bounds: ViewDemandBounds,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Writes this instance's demand (replacing what it wrote before); none removes the entry. */
  async write(demand: ViewDemand): Promise<void> {
    if (demand.details.length === 0 && demand.filters.length === 0) {
      await this.remove();
      return;
    }
    const entry: DemandEntry = { writtenAtMs: this.nowMs(), ...demand };
    await this.client.hSet(this.hashKey, this.owner, JSON.stringify(entry));
  }

  async remove(): Promise<void> {
    await this.client.hDel(this.hashKey, this.owner);
  }

  /** Every instance's demand as one, bounded; stale or unreadable entries are deleted. */
  async union(): Promise<ViewDemand> {
    const entries = await this.client.hGetAll(this.hashKey);
    const demands: ViewDemand[] = [];
    const stale: string[] = [];
    for (const [owner, value] of Object.entries(entries)) {
      const entry = parseEntry(value);
      if (entry === undefined || this.nowMs() - entry.writtenAtMs > this.staleAfterMs) {
        stale.push(owner);
      } else demands.push(entry);
    }
    if (stale.length > 0) await this.client.hDel(this.hashKey, stale);
    return mergeDemands(demands, this.bounds);
  }
}

/** An entry as written by `write`; anything else (another version, damage) is undefined. */
function parseEntry(value: string): DemandEntry | undefined {
  try {
    const entry = JSON.parse(value) as Partial<DemandEntry>;
    if (typeof entry.writtenAtMs !== 'number') return undefined;
    if (!Array.isArray(entry.details) || !Array.isArray(entry.filters)) return undefined;
    const details = entry.details.filter(
      (detail): detail is [string, number[], number] =>
        Array.isArray(detail) &&
        typeof detail[0] === 'string' &&
        Array.isArray(detail[1]) &&
        detail[1].every((windowMs) => typeof windowMs === 'number') &&
        typeof detail[2] === 'number',
    );
    const filters = entry.filters.flatMap((asked: unknown): [ViewFilter, number][] => {
      if (!Array.isArray(asked) || typeof asked[1] !== 'number') return [];
      const filter = parseViewFilter(asked[0]);
      return filter === undefined || isUnfiltered(filter) ? [] : [[filter, asked[1]]];
    });
    return { writtenAtMs: entry.writtenAtMs, details, filters };
  } catch {
    return undefined;
  }
}
