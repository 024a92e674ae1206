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
  /** Each tag's rank: a tag's merge part is read here, not looked up per cell every batch. */
  rankOf: Map<string, number>;
  /** The merge part of a tag monitored in none of the cells: the merge's bound per cell, summed. */
  unmonitored: number;
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
  const unmonitored = merged === undefined ? 0 : cells.length * merged.unmonitoredBound;
  const ranked: RankedMergeCandidates = {
    tags: new Array<string>(counters.length),
    counts: new Float64Array(counters.length),
    errors: new Float64Array(counters.length),
    rankOf: new Map(),
    unmonitored,
  };
  counters.forEach((counter, rank) => {
    ranked.tags[rank] = counter.key;
    ranked.counts[rank] = counter.count;
    ranked.errors[rank] = counter.error;
    ranked.rankOf.set(counter.key, rank);
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

/**
 * Brings `part` (the filter's part of `open` before its latest batch) up to date with that
 * batch's cell pairs: only valid while `open` has room (no counter evicted since the part was
 * built), when the counters the batch did not offer to are unchanged.
 */
export function refreshOpenPaneCounts(
  part: OpenPaneCounts,
  open: SpaceSaving<string>,
  cells: readonly string[],
  batchPairs: readonly [string, number][],
  keys: CellKeyBook,
): void {
  for (let index = 0; index < batchPairs.length; index++) {
    const key = batchPairs[index]![0];
    const parts = keys.partsOf(key);
    if (parts === undefined || !cells.includes(parts.cell)) continue;
    part.counts.set(
      parts.tag,
      cells.length === 1 ? open.estimate(key)! : sumOverCells(open, cells, parts.tag, keys),
    );
  }
  part.bound = open.unmonitoredBound;
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
  ranked: RankedMergeCandidates,
  cells: readonly string[],
  topN: number,
): Counter[] {
  const openCounters: Counter[] = [];
  const { rankOf, counts, errors, unmonitored } = ranked;
  for (const [tag, inPane] of open.counts) {
    const rank = rankOf.get(tag);
    const count = inPane.count + (rank === undefined ? unmonitored : counts[rank]!);
    const error = inPane.error + (rank === undefined ? unmonitored : errors[rank]!);
    openCounters.push({ key: tag, count, error });
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
