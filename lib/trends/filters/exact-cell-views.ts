import type { CellGroup, ExactCellBatches } from './exact-cell-batches';
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
 * to its cells' pairs in a batch, not to the window's keys. A view is summed from the window's
 * batches, its cells only, the first time it is asked (or when a batch it needs is missing), and
 * dropped when nobody asked for it for `idleMs`. No window of every cell key is kept: nothing
 * but a filter's view reads one, and keeping it up to date took a fifth to a quarter of each
 * batch's close (see docs/filters.md, "The cells' exact windows summed when asked").
 */
export class ExactCellViews {
  private readonly views = new Map<string, KeptView>();

  constructor(
    readonly windowMs: number,
    private readonly batchIntervalMs: number,
    private readonly idleMs: number,
    /** The admitted cell pairs of each batch, kept at least `windowMs + idleMs`. */
    private readonly batches: ExactCellBatches,
  ) {}

  /** The batch at `batchTime` ran: views nobody asked for during the idle time are let go. */
  batchRan(batchTime: number): void {
    for (const [id, view] of this.views) {
      if (view.askedAt <= batchTime - this.idleMs) this.views.delete(id);
    }
  }

  /**
   * `tag → count` summed over `cells` (`*|o`: every language's original cell) in the window
   * ending at `batchTime`. Read it, never change it.
   */
  countsOf(cells: readonly string[], batchTime: number): Map<string, number> {
    const id = cells.join(' ');
    const inView = cellTest(cells);
    let view = this.views.get(id);
    if (view === undefined || !this.bringUpToDate(view, inView, batchTime)) {
      view = { counts: this.build(inView, batchTime), syncedAt: batchTime, askedAt: batchTime };
      this.views.set(id, view);
    }
    view.askedAt = batchTime;
    return view.counts;
  }

  /** The state was restored from a checkpoint: views are summed afresh when next asked. */
  restored(): void {
    this.views.clear();
  }

  /** Filters in use (views kept). */
  get size(): number {
    return this.views.size;
  }

  /** The sum of the window's batches at `batchTime`, a batch at a time, oldest first. */
  private build(inView: (cell: string) => boolean, batchTime: number): Map<string, number> {
    const counts = new Map<string, number>();
    this.batches.forEachIn(batchTime - this.windowMs, batchTime, (groups) =>
      applyGroups(counts, inView, groups, 1),
    );
    return counts;
  }

  /** Applies the batches since the view's last sync; false when one it needs is missing. */
  private bringUpToDate(
    view: KeptView,
    inView: (cell: string) => boolean,
    batchTime: number,
  ): boolean {
    const steps: [readonly CellGroup[], number][] = [];
    for (let time = view.syncedAt + this.batchIntervalMs; time <= batchTime;) {
      const entering = this.batches.get(time);
      if (entering === undefined) return false;
      steps.push([entering, 1]);
      const leavingTime = time - this.windowMs;
      const leaving = this.batches.get(leavingTime);
      if (leaving !== undefined) steps.push([leaving, -1]);
      else if (this.batches.isRecordedSpan(leavingTime)) return false;
      time += this.batchIntervalMs;
    }
    for (const [groups, sign] of steps) applyGroups(view.counts, inView, groups, sign);
    view.syncedAt = batchTime;
    return true;
  }
}

/** Adds (`sign` 1) or takes out (−1) a batch's pairs of the cells in view; no zeros are kept. */
function applyGroups(
  counts: Map<string, number>,
  inView: (cell: string) => boolean,
  groups: readonly CellGroup[],
  sign: number,
): void {
  for (const { cell, tags, counts: tagCounts } of groups) {
    if (!inView(cell)) continue;
    for (let index = 0; index < tags.length; index++) {
      const tag = tags[index]!;
      const count = (counts.get(tag) ?? 0) + sign * tagCounts[index]!;
      if (count > 0) counts.set(tag, count);
      else counts.delete(tag);
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
