import { topCountsOfMap } from '../sketches/top-n';
import type { CellKeyBook } from './cell-key-book';
import type { ExactCellViews } from './exact-cell-views';
import { ALL_ORIGINALS_CELL } from './filter-cells';

/** What a cell key may lack in an exact window that cut keys at its bound; absent: none cut. */
export type CellErrorOf = (cellKey: string) => number;

export interface FilteredExactWindowParts {
  windowMs: number;
  batchTime: number;
  /** The window's cells with posts (`[cell, posts]`): every cell a key can be in. */
  postCells: readonly [string, number][];
  errorOf: CellErrorOf | undefined;
  keys: CellKeyBook;
  /** The window's kept views of the filters in use. */
  views: ExactCellViews;
}

/**
 * One exact window's counts under a filter at the latest batch: the filter's view (a
 * `tag → count` map, kept between batches while the filter is in use, see `ExactCellViews`),
 * exact (or, past the window's key bound, raised by the summed errors as the plain window
 * does). Exact windows do not count the `*|o` cell: it is the sum of every language's
 * original cell, taken here.
 */
export class FilteredExactWindow {
  readonly windowMs: number;

  constructor(private readonly parts: FilteredExactWindowParts) {
    this.windowMs = parts.windowMs;
  }

  /** The filter's count of `tag` and its error (0 when exact). */
  count(cells: readonly string[], tag: string): { count: number; error: number } {
    const error = this.errorOfTag(cells, tag);
    return { count: (this.countsOf(cells).get(tag) ?? 0) + error, error };
  }

  /** The top `topN` tags summed over `cells`: `[tag, counted posts]`, highest first. */
  top(cells: readonly string[], topN: number): [string, number][] {
    return topCountsOfMap(this.countsOf(cells), topN);
  }

  /** True when counts carry errors (the window cut new keys at its bound). */
  get approximate(): boolean {
    return this.parts.errorOf !== undefined;
  }

  /** The error of `tag` under `cells`. */
  errorOfTag(filterCells: readonly string[], tag: string): number {
    const { errorOf, keys } = this.parts;
    if (errorOf === undefined) return 0;
    let error = 0;
    for (const cell of this.expand(filterCells)) error += errorOf(keys.lookupKey(cell, tag));
    return error;
  }

  private countsOf(cells: readonly string[]): Map<string, number> {
    const { views, batchTime } = this.parts;
    return views.countsOf(cells, batchTime);
  }

  /** The cells to sum: `*|o` is every language's original cell. */
  private expand(cells: readonly string[]): readonly string[] {
    if (!cells.includes(ALL_ORIGINALS_CELL)) return cells;
    return this.parts.postCells
      .map(([cell]) => cell)
      .filter((cell) => cell !== ALL_ORIGINALS_CELL && cell.endsWith('|o'));
  }
}
