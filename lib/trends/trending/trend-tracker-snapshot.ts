import type { KeyTrend } from './key-trend';
import { newKeyTrend } from './key-trend';

/**
 * A checkpoint of the tracker's per-key state in columns (typed arrays where numeric), taken
 * between batches: what only lives within a batch (its weight and author caps) is not kept, as
 * the next batch starts those afresh.
 */
export interface KeyTrendsSnapshot {
  keys: string[];
  /** `fast, slow, updatedMs, batchMs` per key. */
  numbers: Float64Array;
  /** How many of `authors` belong to each key, in key order. */
  authorCounts: Uint8Array;
  authors: string[];
  authorLastMs: Float64Array;
}

const FIELDS = 4;

export function snapshotKeyTrends(trends: Map<string, KeyTrend>): KeyTrendsSnapshot {
  const keys = [...trends.keys()];
  const numbers = new Float64Array(keys.length * FIELDS);
  const authorCounts = new Uint8Array(keys.length);
  const authors: string[] = [];
  const authorMs: number[] = [];
  let index = 0;
  for (const trend of trends.values()) {
    numbers.set([trend.fast, trend.slow, trend.updatedMs, trend.batchMs], index * FIELDS);
    authorCounts[index++] = Math.min(255, trend.authors.size);
    let kept = 0;
    for (const [author, lastMs] of trend.authors) {
      if (kept++ === 255) break;
      authors.push(author);
      authorMs.push(lastMs);
    }
  }
  return { keys, numbers, authorCounts, authors, authorLastMs: Float64Array.from(authorMs) };
}

export function restoreKeyTrends(snapshot: KeyTrendsSnapshot): Map<string, KeyTrend> {
  const { keys, numbers, authorCounts, authors, authorLastMs } = snapshot;
  if (numbers.length !== keys.length * FIELDS || authorCounts.length !== keys.length) {
    throw new TypeError('trend snapshot: columns differ in length');
  }
  if (authors.length !== authorLastMs.length) {
    throw new TypeError('trend snapshot: authors and their times differ in length');
  }
  const trends = new Map<string, KeyTrend>();
  let author = 0;
  for (let index = 0; index < keys.length; index++) {
    const at = index * FIELDS;
    const trend = newKeyTrend(numbers[at + 2]!);
    trend.fast = numbers[at]!;
    trend.slow = numbers[at + 1]!;
    trend.batchMs = numbers[at + 3]!;
    for (let count = authorCounts[index]!; count > 0; count--, author++) {
      if (author >= authors.length) throw new TypeError('trend snapshot: authors cut short');
      trend.authors.set(authors[author]!, authorLastMs[author]!);
    }
    trends.set(keys[index]!, trend);
  }
  return trends;
}
