import { paneOf } from '@/lib/engine';
import type { Pane } from '@/lib/engine';
import type { CellKeyBook } from './cell-key-book';
import { ALL_ORIGINALS_CELL } from './filter-cells';

interface KeptView {
  /** `tag → count` summed over the view's cells in the window (no zeros). */
  counts: Map<string, number>;
  syncedAt: number;
  askedAt: number;
}

/**
 * One exact window's counts under the filters in use, each kept as one `tag → count` map and
 * brought up to date from the batches that entered and left the window since it was last
 * asked, as the engine's `reduceByKeyAndWindow(+, −)` does: a filter in use costs in proportion
 * to a batch's cell pairs, not to the window's keys. A view is built from the window's pairs the
 * first time it is asked (or when a batch it needs is missing), and dropped when nobody asked
 * for it for `idleMs`. The batches are the admitted cell pairs, held as the engine's own panes
 * (`paneOf` shares them), for the window's length plus `idleMs`.
 */
export class ExactCellViews {
  private readonly recorded = new Map<number, Pane<string, number>>();
  private readonly views = new Map<string, KeptView>();
  private firstBatchTime: number | undefined;

  constructor(
    readonly windowMs: number,
    private readonly batchIntervalMs: number,
    private readonly idleMs: number,
    private readonly keys: CellKeyBook,
  ) {}

  /** The admitted cell pairs of the batch at `batchTime` (every batch, in order). */
  record(batchTime: number, pairs: [string, number][]): void {
    this.firstBatchTime ??= batchTime;
    this.recorded.set(batchTime, paneOf(pairs));
    const oldest = batchTime - this.windowMs - this.idleMs;
    for (const time of this.recorded.keys()) {
      if (time > oldest) break;
      this.recorded.delete(time);
    }
    for (const [id, view] of this.views) {
      if (view.askedAt <= batchTime - this.idleMs) this.views.delete(id);
    }
  }

  /**
   * `tag → count` summed over `cells` (`*|o`: every language's original cell) at `batchTime`,
   * when the engine's window holds `windowPairs`. Read it, never change it.
   */
  countsOf(
    cells: readonly string[],
    batchTime: number,
    windowPairs: readonly [string, number][],
  ): Map<string, number> {
    const id = cells.join(' ');
    const inView = cellTest(cells);
    let view = this.views.get(id);
    if (view === undefined || !this.bringUpToDate(view, inView, batchTime)) {
      view = { counts: this.build(inView, windowPairs), syncedAt: batchTime, askedAt: batchTime };
      this.views.set(id, view);
    }
    view.askedAt = batchTime;
    return view.counts;
  }

  /**
   * The window was restored from a checkpoint: the batches in it before now were not recorded,
   * so views are built from the window's pairs until the recorded batches cover it.
   */
  restored(): void {
    this.recorded.clear();
    this.views.clear();
    this.firstBatchTime = -Infinity;
  }

  /** Filters in use (views kept). */
  get size(): number {
    return this.views.size;
  }

  private build(inView: (cell: string) => boolean, pairs: readonly [string, number][]) {
    const counts = new Map<string, number>();
    for (let index = 0; index < pairs.length; index++) {
      const [key, count] = pairs[index]!;
      const parts = this.keys.partsOf(key);
      if (parts !== undefined && inView(parts.cell)) {
        counts.set(parts.tag, (counts.get(parts.tag) ?? 0) + count);
      }
    }
    return counts;
  }

  /** Applies the batches since the view's last sync; false when one it needs is missing. */
  private bringUpToDate(
    view: KeptView,
    inView: (cell: string) => boolean,
    batchTime: number,
  ): boolean {
    const steps: [Pane<string, number>, number][] = [];
    for (let time = view.syncedAt + this.batchIntervalMs; time <= batchTime;) {
      const entering = this.recorded.get(time);
      if (entering === undefined) return false;
      steps.push([entering, 1]);
      const leavingTime = time - this.windowMs;
      const leaving = this.recorded.get(leavingTime);
      if (leaving !== undefined) steps.push([leaving, -1]);
      else if (leavingTime >= this.firstBatchTime!) return false;
      time += this.batchIntervalMs;
    }
    for (const [pane, sign] of steps) this.apply(view.counts, inView, pane, sign);
    view.syncedAt = batchTime;
    return true;
  }

  private apply(
    counts: Map<string, number>,
    inView: (cell: string) => boolean,
    pane: Pane<string, number>,
    sign: number,
  ): void {
    const { keys, values } = pane;
    for (let index = 0; index < keys.length; index++) {
      const parts = this.keys.partsOf(keys[index]!);
      if (parts === undefined || !inView(parts.cell)) continue;
      const count = (counts.get(parts.tag) ?? 0) + sign * values[index]!;
      if (count > 0) counts.set(parts.tag, count);
      else counts.delete(parts.tag);
    }
  }
}

/** Whether a language cell counts in a view of `cells`. */
function cellTest(cells: readonly string[]): (cell: string) => boolean {
  if (cells.includes(ALL_ORIGINALS_CELL)) return (cell) => cell.endsWith('|o');
  if (cells.length === 1) {
    const only = cells[0]!;
    return (cell) => cell === only;
  }
  return (cell) => cells.includes(cell);
}
