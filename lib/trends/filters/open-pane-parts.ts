import type { OpenPane } from '../sketches/pane-builder';
import type { CellKeyBook } from './cell-key-book';
import { openPaneCounts, refreshOpenPaneCounts } from './filtered-heavy-top';
import type { OpenPaneCounts } from './filtered-heavy-top';

interface KeptPart {
  paneIndex: number;
  /** The batch the part is up to date with. */
  batchTime: number;
  part: OpenPaneCounts;
}

/**
 * The open pane's part of each filter in use (`OpenPaneCounts`), kept from batch to batch within
 * a pane. While the pane has room, no counter is evicted and its bound stays put, so a batch
 * changes only the counters of its own cell pairs: the part is brought up to date from those,
 * in proportion to the batch, instead of visiting every counter of the pane. It is built afresh
 * (a visit of the pane) when first asked, in a new pane, after a batch in which it was not asked,
 * or once the pane is full. Parts not asked for in the latest batch are let go.
 */
export class OpenPaneParts {
  private readonly kept = new Map<string, KeptPart>();
  private batchTime = -Infinity;
  private previousBatchTime = -Infinity;
  private batchPairs: readonly [string, number][] = [];

  constructor(private readonly keys: CellKeyBook) {}

  /** The batch at `batchTime` offered `batchPairs` (its cell pairs) to the open pane. */
  batchAdded(batchTime: number, batchPairs: readonly [string, number][]): void {
    this.previousBatchTime = this.batchTime;
    this.batchTime = batchTime;
    this.batchPairs = batchPairs;
    for (const [id, kept] of this.kept) {
      if (kept.batchTime < this.previousBatchTime) this.kept.delete(id);
    }
  }

  /** The part of `cells` in `open` (the pane as of the batch at `batchTime`). */
  partOf(open: OpenPane, cells: readonly string[], batchTime: number): OpenPaneCounts {
    if (batchTime !== this.batchTime) return openPaneCounts(open.summary, cells, this.keys);
    const id = cells.join(' ');
    const kept = this.kept.get(id);
    if (kept?.batchTime === this.batchTime) return kept.part;
    const hasRoom = open.summary.size < open.summary.capacity;
    if (kept?.paneIndex === open.index && kept.batchTime === this.previousBatchTime && hasRoom) {
      refreshOpenPaneCounts(kept.part, open.summary, cells, this.batchPairs, this.keys);
      kept.batchTime = this.batchTime;
      return kept.part;
    }
    const part = openPaneCounts(open.summary, cells, this.keys);
    this.kept.set(id, { paneIndex: open.index, batchTime: this.batchTime, part });
    return part;
  }

  /** Forgets every part (after a restore). */
  clear(): void {
    this.kept.clear();
    this.batchTime = -Infinity;
    this.previousBatchTime = -Infinity;
    this.batchPairs = [];
  }
}
