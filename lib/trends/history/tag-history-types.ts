/** Contracts of the per-minute history of the tags that matter (pure data). */

/** Why a minute has no count for a tag. */
export type HistoryMinuteState =
  /** Counted: `count` is the tag's posts that minute (0 included). */
  | 'counted'
  /** Before the first batch the history holds. */
  | 'before-start'
  /** The process was down (the batches of that minute were skipped at restore). */
  | 'down'
  /** The tag was not yet (or no longer) among the tags kept that minute. */
  | 'untracked';

export interface HistoryMinute {
  /** Start of the minute (ms since the epoch). */
  time: number;
  /** Posts with the tag that minute; null unless `state` is `counted`. */
  count: number | null;
  state: HistoryMinuteState;
}

export interface TagHistoryOptions {
  /** Minutes kept (1440: 24 hours). */
  retainMinutes: number;
  /** Tags kept besides the watched ones; the least recently in a top list go first. */
  maxTrackedTags: number;
  /** Watched tags taken into account at most (the union of every dashboard's). */
  maxWatchedTags: number;
}

/** A checkpoint of the history (plain data, typed arrays for counts). */
export interface TagHistorySnapshot {
  firstMinute: number | null;
  openMinute: number | null;
  /** Every key counted in the open minute so far, with its count. */
  openKeys: string[];
  openCounts: Float64Array;
  /** Closed minutes, oldest first: `[minute, keys (sorted), counts]`. */
  minutes: [number, string[], Float64Array][];
  /** `[key, tracked since (minute), last minute in a top list]`. */
  tracked: [string, number, number][];
  /** `[from, to)` times the process was down. */
  gaps: [number, number][];
}
