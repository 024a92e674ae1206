/** The keys counted in one batch and how often. */
interface BatchCounts {
  batchMs: number;
  counts: Map<string, number>;
}

/** Per key, the counts of one batch each, oldest first, as plain data. */
export interface RecentCountsSnapshot {
  batches: { batchMs: number; keys: string[]; counts: number[] }[];
}

/**
 * Per-key counts over the last `windowMs`, kept per batch so that a batch's counts leave the
 * totals when it leaves the window: one Map update per count, one per key when a batch expires.
 */
export class RecentCounts {
  private readonly totals = new Map<string, number>();
  private batches: BatchCounts[] = [];

  constructor(private readonly windowMs: number) {}

  add(key: string, batchMs: number): void {
    let last = this.batches[this.batches.length - 1];
    if (last === undefined || last.batchMs !== batchMs) {
      last = { batchMs, counts: new Map() };
      this.batches.push(last);
    }
    last.counts.set(key, (last.counts.get(key) ?? 0) + 1);
    this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
  }

  /** Drops the batches at or before `batchMs − windowMs`. */
  expire(batchMs: number): void {
    const sinceMs = batchMs - this.windowMs;
    while (this.batches.length > 0 && this.batches[0]!.batchMs <= sinceMs) {
      for (const [key, count] of this.batches.shift()!.counts) {
        const left = this.totals.get(key)! - count;
        if (left === 0) this.totals.delete(key);
        else this.totals.set(key, left);
      }
    }
  }

  count(key: string): number {
    return this.totals.get(key) ?? 0;
  }

  snapshot(): RecentCountsSnapshot {
    return {
      batches: this.batches.map(({ batchMs, counts }) => ({
        batchMs,
        keys: [...counts.keys()],
        counts: [...counts.values()],
      })),
    };
  }

  restore(snapshot: RecentCountsSnapshot): void {
    this.batches = [];
    this.totals.clear();
    for (const { batchMs, keys, counts } of snapshot.batches) {
      if (keys.length !== counts.length) throw new TypeError('counts snapshot: columns differ');
      keys.forEach((key, index) => {
        for (let count = 0; count < counts[index]!; count++) this.add(key, batchMs);
      });
    }
  }
}
