import { evictLeastRecentlySeen } from '../sketches/evict-least-recent';
import type { BatchTagTallies } from './batch-tag-tallies';

/**
 * The display spelling of each hashtag key: the spelling seen most often (`#WorldCup` over
 * `#worldcup`), the first one to reach the highest count on ties.
 *
 * Bounded: at most `MAX_SPELLINGS_PER_KEY` spellings are counted per key (variants beyond that
 * are ignored; a key has a handful in practice), and `sweep` forgets keys the job no longer
 * reports. Most keys only ever have one spelling, so the per-key map is created lazily.
 */
const MAX_SPELLINGS_PER_KEY = 8;

interface SpellingEntry {
  best: string;
  bestCount: number;
  /** Counts of the other spellings, created at the second distinct spelling. */
  others: Map<string, number> | undefined;
  lastSeenMs: number;
}

/** A checkpoint of the spellings: parallel arrays, the rare extra spellings apart. */
export interface DisplaySpellingsSnapshot {
  keys: string[];
  best: string[];
  bestCounts: number[];
  lastSeenMs: number[];
  /** `[index into keys, [spelling, count][]]` for keys with several spellings. */
  others: [number, [string, number][]][];
}

export class DisplaySpellings {
  private readonly entries = new Map<string, SpellingEntry>();

  /** Counts one post's `spelling` of `key` in the batch of `batchTime`. */
  record(key: string, spelling: string, batchTime: number): void {
    this.recordTimes(key, spelling, 1, batchTime);
  }

  /**
   * Counts `times` posts with the same `spelling` of `key` in the batch of `batchTime`: the
   * same state as `times` calls of `record` in a row (a spelling that overtakes the best one
   * takes its place as it would at the post that overtook it).
   */
  recordTimes(key: string, spelling: string, times: number, batchTime: number): void {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, {
        best: spelling,
        bestCount: times,
        others: undefined,
        lastSeenMs: batchTime,
      });
      return;
    }
    entry.lastSeenMs = batchTime;
    if (spelling === entry.best) {
      entry.bestCount += times;
      return;
    }
    const others = (entry.others ??= new Map());
    const previous = others.get(spelling);
    if (previous === undefined && others.size >= MAX_SPELLINGS_PER_KEY - 1) return;
    const count = (previous ?? 0) + times;
    if (count > entry.bestCount) {
      others.delete(spelling);
      others.set(entry.best, entry.bestCount);
      entry.best = spelling;
      entry.bestCount = count;
    } else {
      others.set(spelling, count);
    }
  }

  /**
   * A batch's spellings, key by key, each key's runs in the order its posts came: the same state
   * as `record` per post and tag in the batch's order (keys are independent of each other, and
   * are first seen in the same order).
   */
  recordBatch(tallies: BatchTagTallies, batchTime: number): void {
    for (const [key, tally] of tallies) {
      if (tally.runs === undefined) {
        this.recordTimes(key, tally.spelling, tally.count, batchTime);
        continue;
      }
      for (const run of tally.runs) this.recordTimes(key, run.spelling, run.times, batchTime);
    }
  }

  /** The most frequent spelling of `key`, or the key itself when it is not tracked. */
  spellingOf(key: string): string {
    return this.entries.get(key)?.best ?? key;
  }

  /** Forgets every key for which `keep(key, lastSeenMs)` is false. */
  sweep(keep: (key: string, lastSeenMs: number) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!keep(key, entry.lastSeenMs)) this.entries.delete(key);
    }
  }

  snapshot(): DisplaySpellingsSnapshot {
    const snapshot: DisplaySpellingsSnapshot = {
      keys: [],
      best: [],
      bestCounts: [],
      lastSeenMs: [],
      others: [],
    };
    for (const [key, entry] of this.entries) {
      if (entry.others !== undefined)
        snapshot.others.push([snapshot.keys.length, [...entry.others]]);
      snapshot.keys.push(key);
      snapshot.best.push(entry.best);
      snapshot.bestCounts.push(entry.bestCount);
      snapshot.lastSeenMs.push(entry.lastSeenMs);
    }
    return snapshot;
  }

  /** Loads a `snapshot()` into these (empty) spellings. */
  restore(snapshot: DisplaySpellingsSnapshot): void {
    const { keys, best, bestCounts, lastSeenMs } = snapshot;
    if (![best, bestCounts, lastSeenMs].every((column) => column.length === keys.length)) {
      throw new TypeError('spellings snapshot: columns differ in length');
    }
    this.entries.clear();
    for (let index = 0; index < keys.length; index++) {
      this.entries.set(keys[index]!, {
        best: best[index]!,
        bestCount: bestCounts[index]!,
        others: undefined,
        lastSeenMs: lastSeenMs[index]!,
      });
    }
    for (const [index, others] of snapshot.others) {
      this.entries.get(keys[index]!)!.others = new Map(others);
    }
  }

  /**
   * Evicts the least recently seen keys beyond `maxKeys`, sparing those seen since `keepSinceMs`
   * while it can; an evicted key shows as its key until seen again.
   */
  evictBeyond(maxKeys: number, keepSinceMs: number): void {
    evictLeastRecentlySeen(this.entries, maxKeys, lastSeenMs, keepSinceMs);
  }

  /** Keys tracked right now. */
  get size(): number {
    return this.entries.size;
  }
}

const lastSeenMs = (entry: SpellingEntry): number => entry.lastSeenMs;
