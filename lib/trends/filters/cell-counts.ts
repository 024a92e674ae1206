import type { ParsedPost } from '../types';
import type { CellKeyBook } from './cell-key-book';
import { ALL_ORIGINALS_CELL } from './filter-cells';
import { UNDETERMINED_LANGUAGE } from './language-code';

export interface CellCounts {
  languagePairs: [string, number][];
  originalPairs: [string, number][];
  postPairs: [string, number][];
}

/**
 * One batch's counts per cell, without a string built per post: posts are counted in a map per
 * cell, and each distinct `<cell>\0<tag>` key comes from the `CellKeyBook`, built once and
 * reused from batch to batch.
 */
export class CellCounter {
  private readonly languageCells = new Map<string, { original: string; retweet: string }>();

  constructor(
    private readonly keys: CellKeyBook,
    private readonly maxLanguages: number,
  ) {}

  /**
   * `[<cell>\0<tag>, count]` per distinct pair of the batch's posts, of the language cells and
   * of `*|o` apart, and `[cell, posts]` per cell: each post in its language cell and, when
   * original, in `*|o` too.
   */
  count(posts: readonly ParsedPost[]): CellCounts {
    const tagCounts = new Map<string, Map<string, number>>();
    const postCounts = new Map<string, number>();
    for (let index = 0; index < posts.length; index++) {
      const post = posts[index]!;
      const cells = this.cellsOf(post.lang ?? UNDETERMINED_LANGUAGE);
      const languageCell = post.isRetweet ? cells.retweet : cells.original;
      postCounts.set(languageCell, (postCounts.get(languageCell) ?? 0) + 1);
      if (!post.isRetweet) {
        postCounts.set(ALL_ORIGINALS_CELL, (postCounts.get(ALL_ORIGINALS_CELL) ?? 0) + 1);
      }
      const tags = post.tags;
      if (tags.length === 0) continue;
      const inLanguage = countsOf(tagCounts, languageCell);
      const inOriginals = post.isRetweet ? undefined : countsOf(tagCounts, ALL_ORIGINALS_CELL);
      for (let tag = 0; tag < tags.length; tag++) {
        const key = tags[tag]!.key;
        inLanguage.set(key, (inLanguage.get(key) ?? 0) + 1);
        inOriginals?.set(key, (inOriginals.get(key) ?? 0) + 1);
      }
    }
    this.keys.trim();
    const languagePairs: [string, number][] = [];
    const originalPairs: [string, number][] = [];
    for (const [cell, counts] of tagCounts) {
      const pairs = cell === ALL_ORIGINALS_CELL ? originalPairs : languagePairs;
      for (const [tag, count] of counts) pairs.push([this.keys.keyOf(cell, tag), count]);
    }
    return { languagePairs, originalPairs, postPairs: [...postCounts] };
  }

  private cellsOf(lang: string): { original: string; retweet: string } {
    let cells = this.languageCells.get(lang);
    if (cells === undefined) {
      cells = { original: `${lang}|o`, retweet: `${lang}|r` };
      // Language codes are few; a flood of odd ones is bounded like the keys.
      if (this.languageCells.size < this.maxLanguages) this.languageCells.set(lang, cells);
    }
    return cells;
  }
}

function countsOf(byCell: Map<string, Map<string, number>>, cell: string): Map<string, number> {
  let counts = byCell.get(cell);
  if (counts === undefined) byCell.set(cell, (counts = new Map()));
  return counts;
}
