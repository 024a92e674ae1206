import type { CellGroup } from './exact-cell-batches';

/** One window's `[key, count]` pairs at a batch (the engine's; read them, never mutate them). */
export interface WindowPairs {
  windowMs: number;
  pairs: [string, number][];
}

/** What the engine computed for the filter dimensions in one batch. */
export interface FilterBatchInput {
  /** `[<cell>\0<tag>, count]` of the batch's posts. */
  batchPairs: [string, number][];
  /** The batch's language-cell pairs the exact windows count (their key bound's admission)… */
  admittedPairs: [string, number][];
  /** …and all of the batch's language-cell pairs by cell, before the admission. */
  languageGroups: CellGroup[];
  /** `[cell, posts]` of every window, shortest first. */
  postWindows: WindowPairs[];
}
