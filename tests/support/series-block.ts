/** Reads socket messages' series blocks in tests: tags are data, counts parallel arrays. */
import type { SeriesBlock } from '@/lib/protocol';

/** Each point of the block as its batch time and a key → count map. */
export function blockCounts(
  block: SeriesBlock,
): { batchTime: number; counts: Map<string, number> }[] {
  return block.points.map((point) => ({
    batchTime: point.batchTime,
    counts: new Map(block.tags.map((tag, index) => [tag.key, point.counts[index]!])),
  }));
}

/** The counts of `key` in every point of the block (undefined where the block lacks the key). */
export function countsOf(block: SeriesBlock, key: string): (number | undefined)[] {
  const index = block.tags.findIndex((tag) => tag.key === key);
  return block.points.map((point) => (index < 0 ? undefined : point.counts[index]));
}
