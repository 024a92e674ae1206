import { topCounts } from '../sketches/top-n';
import type { CellKeyBook } from './cell-key-book';
import { ALL_ORIGINALS_CELL } from './filter-cells';

/** What a cell key may lack in an exact window that cut keys at its bound; absent: none cut. */
export type CellErrorOf = (cellKey: string) => number;

/**
 * One exact window's cell counts at the latest batch (the engine's `reduceByKeyAndWindow` output
 * over `<cell>\0<tag>` keys), indexed by cell on the first query of the batch: a filter's counts
 * are then the sum of its cells' maps, exact (or, past the window's key bound, raised by the
 * summed errors as the plain window does). Exact windows do not count the `*|o` cell: it is the
 * sum of every language's original cell, taken here.
 */
export class FilteredExactWindow {
  private byCell: Map<string, Map<string, number>> | undefined;

  constructor(
    readonly windowMs: number,
    private readonly pairs: readonly [string, number][],
    private readonly errorOf: CellErrorOf | undefined,
    private readonly keys: CellKeyBook,
  ) {}

  /** The filter's count of `tag` and its error (0 when exact). */
  count(filterCells: readonly string[], tag: string): { count: number; error: number } {
    const index = this.index();
    const cells = this.expand(filterCells);
    let counted = 0;
    for (const cell of cells) counted += index.get(cell)?.get(tag) ?? 0;
    const error = this.errorOfTag(cells, tag);
    return { count: counted + error, error };
  }

  /** The top `topN` tags summed over `cells`: `[tag, counted posts]`, highest first. */
  top(filterCells: readonly string[], topN: number): [string, number][] {
    const index = this.index();
    const cells = this.expand(filterCells);
    if (cells.length === 1) return topCounts(index.get(cells[0]!)?.entries() ?? [], topN);
    const sums = new Map<string, number>();
    for (const cell of cells) {
      for (const [tag, count] of index.get(cell) ?? []) sums.set(tag, (sums.get(tag) ?? 0) + count);
    }
    return topCounts(sums.entries(), topN);
  }

  /** True when counts carry errors (the window cut new keys at its bound). */
  get approximate(): boolean {
    return this.errorOf !== undefined;
  }

  /** The error of `tag` under `cells`. */
  errorOfTag(filterCells: readonly string[], tag: string): number {
    if (this.errorOf === undefined) return 0;
    const cells = this.expand(filterCells);
    let error = 0;
    for (const cell of cells) error += this.errorOf(this.keys.lookupKey(cell, tag));
    return error;
  }

  /** The cells to sum: `*|o` is every language's original cell. */
  private expand(cells: readonly string[]): readonly string[] {
    if (!cells.includes(ALL_ORIGINALS_CELL)) return cells;
    return [...this.index().keys()].filter((cell) => cell.endsWith('|o'));
  }

  private index(): Map<string, Map<string, number>> {
    if (this.byCell !== undefined) return this.byCell;
    const byCell = new Map<string, Map<string, number>>();
    for (let position = 0; position < this.pairs.length; position++) {
      const [key, count] = this.pairs[position]!;
      const parts = this.keys.partsOf(key);
      if (parts === undefined) continue;
      let tags = byCell.get(parts.cell);
      if (tags === undefined) byCell.set(parts.cell, (tags = new Map()));
      tags.set(parts.tag, count);
    }
    return (this.byCell = byCell);
  }
}
