import type { FrozenSummary } from '../sketches/frozen-summary';
import type { SpaceSaving } from '../sketches/space-saving';
import type { SpaceSavingCounter } from '../sketches/space-saving-state';
import { selectTop } from '../sketches/top-n';
import type { CellKeyBook } from './cell-key-book';
import { cellKey } from './filter-cells';

type Counter = SpaceSavingCounter<string>;

/**
 * A filter's candidates in the closed panes' merge, ranked once per merge (it changes once a
 * pane), so that each batch only visits the open pane: per tag monitored in one of the filter's
 * cells in the merge, its count and error there summed over the cells (the merge's bound where
 * a cell does not monitor it). In columns, highest first (`byCount`): a filter in use holds
 * 24 bytes per candidate until the merge changes.
 */
export interface RankedMergeCandidates {
  tags: string[];
  counts: Float64Array;
  errors: Float64Array;
}

/** Ranks the tags of `cells` monitored in `merged` (none when there is no merge). */
export function rankMergeCandidates(
  merged: FrozenSummary | undefined,
  cells: readonly string[],
  keys: CellKeyBook,
): RankedMergeCandidates {
  const counters: Counter[] = [];
  if (merged !== undefined) {
    for (const tag of tagsInCells(merged.entries(), cells, keys)) {
      counters.push({ key: tag, ...sumOverCells(merged, cells, tag, keys) });
    }
  }
  counters.sort((a, b) => byCount(b, a));
  const ranked = {
    tags: new Array<string>(counters.length),
    counts: new Float64Array(counters.length),
    errors: new Float64Array(counters.length),
  };
  counters.forEach((counter, rank) => {
    ranked.tags[rank] = counter.key;
    ranked.counts[rank] = counter.count;
    ranked.errors[rank] = counter.error;
  });
  return ranked;
}

/** A filter's tags in the open pane: count and error there summed over its cells. */
export interface OpenPaneCounts {
  counts: Map<string, { count: number; error: number }>;
  /** The open pane's bound, per cell, for a tag it does not monitor. */
  bound: number;
}

/**
 * The open pane's part of a filter (the same for every heavy window: built once a batch). The
 * pane's counters are visited by key, and a key outside the filter's cells is told by its
 * prefix (`<cell>\0`) without a lookup; with one cell, a counter is the tag's count there.
 */
export function openPaneCounts(
  open: SpaceSaving<string>,
  cells: readonly string[],
  keys: CellKeyBook,
): OpenPaneCounts {
  const counts = new Map<string, { count: number; error: number }>();
  const prefixes = cells.map((cell) => cellKey(cell, ''));
  for (let index = 0; index < open.size; index++) {
    const key = open.keyAt(index);
    if (!startsWithOne(key, prefixes)) continue;
    const tag = keys.partsOf(key)!.tag;
    if (counts.has(tag)) continue;
    counts.set(
      tag,
      cells.length === 1 ? open.estimate(key)! : sumOverCells(open, cells, tag, keys),
    );
  }
  return { counts, bound: open.unmonitoredBound };
}

function startsWithOne(key: string, prefixes: readonly string[]): boolean {
  for (let index = 0; index < prefixes.length; index++) {
    if (key.startsWith(prefixes[index]!)) return true;
  }
  return false;
}

/**
 * The filter's top `topN` over the merge and the open pane, the same list as ranking every
 * candidate afresh: a tag of the open pane is estimated in full (its merge part looked up); a
 * tag only in the merge has, in every cell, the open pane's bound added, the same amount for
 * all of them, which keeps their ranking, so they are taken in their ranked order, skipping
 * those of the open pane.
 */
export function filteredHeavyTop(
  open: OpenPaneCounts,
  merged: FrozenSummary | undefined,
  ranked: RankedMergeCandidates,
  cells: readonly string[],
  keys: CellKeyBook,
  topN: number,
): Counter[] {
  const openCounters: Counter[] = [];
  for (const [tag, inPane] of open.counts) {
    const inMerge = merged === undefined ? undefined : sumOverCells(merged, cells, tag, keys);
    const count = inPane.count + (inMerge?.count ?? 0);
    openCounters.push({ key: tag, count, error: inPane.error + (inMerge?.error ?? 0) });
  }
  const fromOpen = selectTop(openCounters, topN, byCount, (counter) => counter.count);
  const shift = cells.length * open.bound;
  const top: Counter[] = [];
  let openAt = 0;
  let rank = 0;
  while (top.length < topN) {
    while (rank < ranked.tags.length && open.counts.has(ranked.tags[rank]!)) rank++;
    const fromMerge: Counter | undefined =
      rank < ranked.tags.length
        ? {
            key: ranked.tags[rank]!,
            count: ranked.counts[rank]! + shift,
            error: ranked.errors[rank]! + shift,
          }
        : undefined;
    const next = fromOpen[openAt];
    if (next === undefined && fromMerge === undefined) break;
    if (fromMerge === undefined || (next !== undefined && byCount(next, fromMerge) > 0)) {
      top.push(next!);
      openAt++;
    } else {
      top.push(fromMerge);
      rank++;
    }
  }
  return top;
}

/** Count and error of `tag` summed over `cells` in `summary` (its bound where unmonitored). */
function sumOverCells(
  summary: FrozenSummary | SpaceSaving<string>,
  cells: readonly string[],
  tag: string,
  keys: CellKeyBook,
): { count: number; error: number } {
  const bound = summary.unmonitoredBound;
  let count = 0;
  let error = 0;
  for (const cell of cells) {
    const estimate = summary.estimate(keys.lookupKey(cell, tag));
    count += estimate?.count ?? bound;
    error += estimate?.error ?? bound;
  }
  return { count, error };
}

/** The tags of the counters whose key is in one of `cells`. */
function tagsInCells(
  counters: Iterable<Counter>,
  cells: readonly string[],
  keys: CellKeyBook,
): Set<string> {
  const tags = new Set<string>();
  for (const counter of counters) {
    const parts = keys.partsOf(counter.key);
    if (parts !== undefined && cells.includes(parts.cell)) tags.add(parts.tag);
  }
  return tags;
}

/** Ascending: lower count, then larger error, then larger key (`selectTop`'s order). */
export function byCount(a: Counter, b: Counter): number {
  if (a.count !== b.count) return a.count - b.count;
  if (a.error !== b.error) return b.error - a.error;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
