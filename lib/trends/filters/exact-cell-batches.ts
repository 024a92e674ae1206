import type { CellKeyBook } from './cell-key-book';

/** One cell's part of a batch: its tags and their counts (parallel arrays). */
export interface CellGroup {
  readonly cell: string;
  readonly tags: string[];
  readonly counts: number[];
}

/** The batches in a checkpoint: the first batch recorded, then each batch's cell groups. */
export interface ExactCellBatchesSnapshot {
  firstTime: number | null;
  batches: [batchTime: number, groups: [cell: string, tags: string[], counts: number[]][]][];
}

/**
 * The admitted cell-key pairs of each batch (`[<cell>\0<tag>, count]`, distinct keys), by batch
 * time, for the longest exact window plus the time a filter's view is kept unasked: what the
 * exact windows under filters are summed from (`ExactCellViews`). Each batch is held grouped by
 * cell, so that a view reads only its own cells' pairs. A batch that did not run (missed while
 * the server was down, or one whose inputs failed) has no entry and counts as empty, as in the
 * engine's windows.
 */
export class ExactCellBatches {
  private readonly batches = new Map<number, CellGroup[]>();
  /** The first batch recorded since the stream began; nothing was counted before it. */
  private first: number | undefined;
  private pairs = 0;

  constructor(
    private readonly keepMs: number,
    private readonly keys: CellKeyBook,
  ) {}

  /**
   * The admitted pairs of the batch at `batchTime` (every batch, in order). `allGroups`, the
   * batch's pairs by cell before the admission, are kept as they are when it admitted them all.
   */
  record(batchTime: number, pairs: readonly [string, number][], allGroups: CellGroup[] = []): void {
    this.first ??= batchTime;
    // The admission only leaves pairs out: as many pairs as before it means all of them.
    const groups = pairCount(allGroups) === pairs.length ? allGroups : this.groupsOf(pairs);
    this.batches.set(batchTime, groups);
    this.pairs += pairCount(groups);
    const oldest = batchTime - this.keepMs;
    for (const [time, kept] of this.batches) {
      if (time > oldest) break;
      this.pairs -= pairCount(kept);
      this.batches.delete(time);
    }
  }

  /** The batch at `batchTime`, if it ran and is still kept. */
  get(batchTime: number): readonly CellGroup[] | undefined {
    return this.batches.get(batchTime);
  }

  /** True when a batch at `batchTime` would have been recorded (it is not before the first). */
  isRecordedSpan(batchTime: number): boolean {
    return this.first !== undefined && batchTime >= this.first;
  }

  /** Calls `take` with each kept batch whose time is in `(fromMs, toMs]`, oldest first. */
  forEachIn(fromMs: number, toMs: number, take: (groups: readonly CellGroup[]) => void): void {
    for (const [time, groups] of this.batches) {
      if (time > fromMs && time <= toMs) take(groups);
    }
  }

  /** Cell-key pairs held, summed over the kept batches (a key once per batch it is in). */
  get pairCount(): number {
    return this.pairs;
  }

  snapshot(): ExactCellBatchesSnapshot {
    return {
      firstTime: this.first ?? null,
      batches: Array.from(this.batches, ([time, groups]) => [
        time,
        groups.map((group): [string, string[], number[]] => [group.cell, group.tags, group.counts]),
      ]),
    };
  }

  /** Loads a `snapshot()` into this empty log; throws on malformed input. */
  restore(snapshot: ExactCellBatchesSnapshot): void {
    const { firstTime, batches } = snapshot;
    if ((firstTime !== null && typeof firstTime !== 'number') || !Array.isArray(batches)) {
      throw new TypeError('filter snapshot: malformed exact-window batches');
    }
    const restored = batches.map(([time, groups]): [number, CellGroup[]] => {
      if (typeof time !== 'number' || !Array.isArray(groups)) {
        throw new TypeError('filter snapshot: malformed exact-window batch');
      }
      return [time, groups.map(restoredGroup)];
    });
    this.batches.clear();
    this.pairs = 0;
    this.first = firstTime ?? undefined;
    for (const [time, groups] of restored) {
      this.batches.set(time, groups);
      this.pairs += pairCount(groups);
    }
  }

  /** The pairs by cell, cells in the order of their first pair (a batch's pairs come by cell). */
  private groupsOf(pairs: readonly [string, number][]): CellGroup[] {
    const groups: CellGroup[] = [];
    let byCell: Map<string, CellGroup> | undefined;
    let current: CellGroup | undefined;
    for (let index = 0; index < pairs.length; index++) {
      const [key, count] = pairs[index]!;
      const parts = this.keys.partsOf(key);
      if (parts === undefined) continue;
      if (current?.cell !== parts.cell) {
        // Another cell than the last pair's: a new one, or one met before (its group goes on).
        byCell ??= new Map();
        current = byCell.get(parts.cell);
        if (current === undefined) {
          current = { cell: parts.cell, tags: [], counts: [] };
          groups.push(current);
          byCell.set(parts.cell, current);
        }
      }
      current.tags.push(parts.tag);
      current.counts.push(count);
    }
    return groups;
  }
}

function pairCount(groups: readonly CellGroup[]): number {
  let pairs = 0;
  for (const group of groups) pairs += group.tags.length;
  return pairs;
}

function restoredGroup(saved: [string, string[], number[]]): CellGroup {
  const [cell, tags, counts] = Array.isArray(saved) ? saved : [];
  if (typeof cell !== 'string' || !Array.isArray(tags) || tags.length !== counts?.length) {
    throw new TypeError('filter snapshot: malformed exact-window cell group');
  }
  return { cell, tags, counts };
}
