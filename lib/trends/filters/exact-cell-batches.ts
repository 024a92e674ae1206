import { paneOf } from '@/lib/engine';
import type { Pane } from '@/lib/engine';

/** The batches in a checkpoint: the first batch recorded, then each batch kept as columns. */
export interface ExactCellBatchesSnapshot {
  firstTime: number | null;
  batches: [batchTime: number, keys: string[], counts: number[]][];
}

/**
 * The admitted cell-key pairs of each batch (`[<cell>\0<tag>, count]`, distinct keys), by batch
 * time, for the longest exact window plus the time a filter's view is kept unasked: what the
 * exact windows under filters are summed from (`ExactCellViews`). A batch that did not run (missed
 * while the server was down, or one whose inputs failed) has no entry and counts as empty, as in
 * the engine's windows. Panes are the engine's (`paneOf`), shared with whatever else reads them.
 */
export class ExactCellBatches {
  private readonly batches = new Map<number, Pane<string, number>>();
  /** The first batch recorded since the stream began; nothing was counted before it. */
  private first: number | undefined;
  private pairs = 0;

  constructor(private readonly keepMs: number) {}

  /** The admitted pairs of the batch at `batchTime` (every batch, in order). */
  record(batchTime: number, pairs: [string, number][]): void {
    this.first ??= batchTime;
    const pane = paneOf(pairs);
    this.batches.set(batchTime, pane);
    this.pairs += pane.keys.length;
    const oldest = batchTime - this.keepMs;
    for (const [time, kept] of this.batches) {
      if (time > oldest) break;
      this.pairs -= kept.keys.length;
      this.batches.delete(time);
    }
  }

  /** The batch at `batchTime`, if it ran and is still kept. */
  get(batchTime: number): Pane<string, number> | undefined {
    return this.batches.get(batchTime);
  }

  /** True when a batch at `batchTime` would have been recorded (it is not before the first). */
  isRecordedSpan(batchTime: number): boolean {
    return this.first !== undefined && batchTime >= this.first;
  }

  /** Calls `take` with each kept batch whose time is in `(fromMs, toMs]`, oldest first. */
  forEachIn(fromMs: number, toMs: number, take: (pane: Pane<string, number>) => void): void {
    for (const [time, pane] of this.batches) {
      if (time > fromMs && time <= toMs) take(pane);
    }
  }

  /** Cell-key pairs held, summed over the kept batches (a key once per batch it is in). */
  get pairCount(): number {
    return this.pairs;
  }

  snapshot(): ExactCellBatchesSnapshot {
    return {
      firstTime: this.first ?? null,
      batches: Array.from(this.batches, ([time, pane]) => [time, pane.keys, pane.values]),
    };
  }

  /** Loads a `snapshot()` into this empty log; throws on malformed input. */
  restore(snapshot: ExactCellBatchesSnapshot): void {
    const { firstTime, batches } = snapshot;
    if ((firstTime !== null && typeof firstTime !== 'number') || !Array.isArray(batches)) {
      throw new TypeError('filter snapshot: malformed exact-window batches');
    }
    for (const [time, keys, counts] of batches) {
      if (typeof time !== 'number' || !Array.isArray(keys) || keys.length !== counts?.length) {
        throw new TypeError('filter snapshot: malformed exact-window batch');
      }
    }
    this.batches.clear();
    this.pairs = 0;
    this.first = firstTime ?? undefined;
    for (const [time, keys, counts] of batches) {
      this.batches.set(time, { keys, values: counts });
      this.pairs += keys.length;
    }
  }
}
