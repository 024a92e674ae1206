/**
 * Drops posts seen before: streams redeliver after a reconnect, and a post must count once.
 *
 * An id is remembered for `horizonMs` of batch time (the longest window: a copy arriving later
 * cannot double-count any window any more). Memory is bounded by the posts of that horizon: each
 * batch's new ids sit in a queue and are forgotten together once their batch falls behind the
 * horizon, so the cost is O(1) per post and nothing is scanned.
 */
export class PostDeduper {
  private readonly firstSeenMs = new Map<string, number>();
  private readonly batches: { batchTime: number; ids: string[] }[] = [];
  private head = 0;
  private current: string[] = [];
  private currentTime = -Infinity;

  constructor(private readonly horizonMs: number) {}

  /** Starts the batch of `batchTime` (non-decreasing) and forgets ids older than the horizon. */
  beginBatch(batchTime: number): void {
    if (batchTime !== this.currentTime) {
      this.current = [];
      this.currentTime = batchTime;
      this.batches.push({ batchTime, ids: this.current });
    }
    this.expire(batchTime);
  }

  /** True the first time `id` is seen within the horizon; false for a duplicate. */
  admit(id: string): boolean {
    if (this.firstSeenMs.has(id)) return false;
    this.firstSeenMs.set(id, this.currentTime);
    this.current.push(id);
    return true;
  }

  /** Ids remembered right now. */
  get size(): number {
    return this.firstSeenMs.size;
  }

  private expire(batchTime: number): void {
    const oldestKeptMs = batchTime - this.horizonMs;
    while (this.head < this.batches.length && this.batches[this.head]!.batchTime <= oldestKeptMs) {
      for (const id of this.batches[this.head]!.ids) this.firstSeenMs.delete(id);
      this.head++;
    }
    // Compact the queue now and then instead of shifting it every batch.
    if (this.head > 64 && this.head * 2 > this.batches.length) {
      this.batches.splice(0, this.head);
      this.head = 0;
    }
  }
}
