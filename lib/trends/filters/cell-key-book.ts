import { cellKey, splitCellKey } from './filter-cells';

/** A cell key's two parts. */
export interface CellKeyParts {
  cell: string;
  tag: string;
}

/**
 * One kept cell key, with room for its count in the batch being counted (`CellCounter`): the
 * count is valid while `countedIn` is that batch's number.
 */
export interface CellKeyEntry {
  readonly key: string;
  /** The key's tag (its cell is the tally's). */
  readonly tag: string;
  count: number;
  countedIn: number;
}

/**
 * The cell keys (`<cell>\0<tag>`) built so far, both ways: the key of a cell and a tag, and the
 * parts of a key. Each key is built once and then reused from batch to batch (a string seen
 * again is the same string, whose hash V8 has kept), so the windows' maps find it at the cost of
 * the plain keys, and the filtered views look a key's cell up instead of splitting the string
 * (which would allocate two strings per key and query). A cache: past `maxKeys` it starts
 * afresh, and a key it does not hold (forgotten, or restored from a checkpoint) is split or
 * built as before, so answers never depend on what it holds.
 */
export class CellKeyBook {
  private readonly keysByCell = new Map<string, Map<string, CellKeyEntry>>();
  private readonly partsByKey = new Map<string, CellKeyParts>();

  constructor(private readonly maxKeys: number) {}

  /** The key of `cell` and `tag`, built and kept when new. */
  keyOf(cell: string, tag: string): string {
    return this.entryOf(this.entriesOf(cell), cell, tag).key;
  }

  /** The kept entries of `cell`'s keys by tag (for `entryOf`): one lookup per cell. */
  entriesOf(cell: string): Map<string, CellKeyEntry> {
    let entries = this.keysByCell.get(cell);
    if (entries === undefined) this.keysByCell.set(cell, (entries = new Map()));
    return entries;
  }

  /** The entry of `tag` among `entries` (those of `cell`), built and kept when new. */
  entryOf(entries: Map<string, CellKeyEntry>, cell: string, tag: string): CellKeyEntry {
    let entry = entries.get(tag);
    if (entry === undefined) {
      entry = { key: cellKey(cell, tag), tag, count: 0, countedIn: -1 };
      entries.set(tag, entry);
      this.partsByKey.set(entry.key, { cell, tag });
    }
    return entry;
  }

  /** The key of `cell` and `tag` for a lookup: the kept one, else built (and not kept). */
  lookupKey(cell: string, tag: string): string {
    return this.keysByCell.get(cell)?.get(tag)?.key ?? cellKey(cell, tag);
  }

  /** The parts of a cell key; undefined for a plain tag key. */
  partsOf(key: string): CellKeyParts | undefined {
    const parts = this.partsByKey.get(key);
    if (parts !== undefined) return parts;
    const split = splitCellKey(key);
    return split === undefined ? undefined : { cell: split[0], tag: split[1] };
  }

  /**
   * Starts afresh when more than `maxKeys` keys are kept (call between batches); true when it
   * did, so that entries held by the caller are dropped too.
   */
  trim(): boolean {
    if (this.partsByKey.size <= this.maxKeys) return false;
    this.keysByCell.clear();
    this.partsByKey.clear();
    return true;
  }
}
