import type { ParsedPost } from '../types';
import type { CellKeyBook, CellKeyEntry } from './cell-key-book';
import type { CellGroup } from './exact-cell-batches';
import { ALL_ORIGINALS_CELL } from './filter-cells';
import { UNDETERMINED_LANGUAGE } from './language-code';

export interface CellCounts {
  languagePairs: [string, number][];
  /** The same pairs by cell: each language cell's tags and counts, in the same order. */
  languageGroups: CellGroup[];
  originalPairs: [string, number][];
  postPairs: [string, number][];
}

/** One cell as counted in a batch: its posts and its tags' entries, in first-seen order. */
interface CellTally {
  readonly cell: string;
  /** The book's entries of this cell's keys (looked up once per cell, not per tag). */
  entries: Map<string, CellKeyEntry>;
  posts: number;
  postsIn: number;
  tagsIn: number;
  counted: CellKeyEntry[];
}

interface LanguageTallies {
  original: CellTally;
  retweet: CellTally;
}

/**
 * One batch's counts per cell, without a string or a map built per post: each cell's tally and
 * each distinct `<cell>\0<tag>` key (with its count, from the `CellKeyBook`) are built once and
 * reused from batch to batch, a batch number telling which counts are this batch's. Posts are
 * counted one at a time as they arrive (`begin`, `countPost`, `finish`), or a batch at once.
 */
export class CellCounter {
  private languages = new Map<string, LanguageTallies>();
  private allOriginals: CellTally;
  private batch = 0;
  /** Languages past the bound, counted for the open batch only (a flood of odd codes). */
  private overflow = new Map<string, LanguageTallies>();
  /** The open batch's cells, in the order they first had a post / a tagged post. */
  private postCells: CellTally[] = [];
  private tagCells: CellTally[] = [];

  constructor(
    private readonly keys: CellKeyBook,
    private readonly maxLanguages: number,
  ) {
    this.allOriginals = this.tallyOf(ALL_ORIGINALS_CELL);
  }

  /**
   * `[<cell>\0<tag>, count]` per distinct pair of the batch's posts, of the language cells and
   * of `*|o` apart, and `[cell, posts]` per cell: each post in its language cell and, when
   * original, in `*|o` too. Pairs come cell by cell in the order cells first had a tagged post,
   * each cell's tags in first-seen order; cells in the order they first had a post. The same as
   * `begin`, `countPost` for each post, then `finish`.
   */
  count(posts: readonly ParsedPost[]): CellCounts {
    this.begin();
    for (let index = 0; index < posts.length; index++) this.countPost(posts[index]!);
    return this.finish();
  }

  /** Opens a batch (between batches: the previous batch's counts are then gone). */
  begin(): void {
    if (this.keys.trim()) {
      this.languages = new Map();
      this.allOriginals = this.tallyOf(ALL_ORIGINALS_CELL);
    }
    this.batch++;
    this.overflow = new Map();
    this.postCells = [];
    this.tagCells = [];
  }

  /** Counts one post of the open batch, as it arrives. */
  countPost(post: ParsedPost): void {
    const batch = this.batch;
    const tallies = this.talliesOf(post.lang ?? UNDETERMINED_LANGUAGE, this.overflow);
    const inLanguage = post.isRetweet ? tallies.retweet : tallies.original;
    const inOriginals = post.isRetweet ? undefined : this.allOriginals;
    countPost(inLanguage, batch, this.postCells);
    if (inOriginals !== undefined) countPost(inOriginals, batch, this.postCells);
    const tags = post.tags;
    if (tags.length === 0) return;
    if (inLanguage.tagsIn !== batch) startTags(inLanguage, batch, this.tagCells);
    if (inOriginals !== undefined && inOriginals.tagsIn !== batch) {
      startTags(inOriginals, batch, this.tagCells);
    }
    for (let tag = 0; tag < tags.length; tag++) {
      const key = tags[tag]!.key;
      this.countTag(inLanguage, key, batch);
      if (inOriginals !== undefined) this.countTag(inOriginals, key, batch);
    }
  }

  /** The open batch's pairs (see `count`); valid until the next `begin`. */
  finish(): CellCounts {
    const languagePairs: [string, number][] = [];
    const languageGroups: CellGroup[] = [];
    const originalPairs: [string, number][] = [];
    for (const tally of this.tagCells) {
      const counted = tally.counted;
      if (tally === this.allOriginals) {
        for (const entry of counted) originalPairs.push([entry.key, entry.count]);
        continue;
      }
      const tags = new Array<string>(counted.length);
      const counts = new Array<number>(counted.length);
      for (let index = 0; index < counted.length; index++) {
        const entry = counted[index]!;
        languagePairs.push([entry.key, entry.count]);
        tags[index] = entry.tag;
        counts[index] = entry.count;
      }
      languageGroups.push({ cell: tally.cell, tags, counts });
    }
    const postPairs = this.postCells.map((tally): [string, number] => [tally.cell, tally.posts]);
    return { languagePairs, languageGroups, originalPairs, postPairs };
  }

  private countTag(tally: CellTally, tag: string, batch: number): void {
    const entry = this.keys.entryOf(tally.entries, tally.cell, tag);
    if (entry.countedIn === batch) {
      entry.count++;
      return;
    }
    entry.countedIn = batch;
    entry.count = 1;
    tally.counted.push(entry);
  }

  private talliesOf(lang: string, overflow: Map<string, LanguageTallies>): LanguageTallies {
    let tallies = this.languages.get(lang) ?? overflow.get(lang);
    if (tallies === undefined) {
      tallies = { original: this.tallyOf(`${lang}|o`), retweet: this.tallyOf(`${lang}|r`) };
      // Language codes are few; a flood of odd ones is bounded like the keys.
      if (this.languages.size < this.maxLanguages) this.languages.set(lang, tallies);
      else overflow.set(lang, tallies);
    }
    return tallies;
  }

  private tallyOf(cell: string): CellTally {
    const entries = this.keys.entriesOf(cell);
    return { cell, entries, posts: 0, postsIn: -1, tagsIn: -1, counted: [] };
  }
}

function countPost(tally: CellTally, batch: number, postCells: CellTally[]): void {
  if (tally.postsIn === batch) {
    tally.posts++;
    return;
  }
  tally.postsIn = batch;
  tally.posts = 1;
  postCells.push(tally);
}

function startTags(tally: CellTally, batch: number, tagCells: CellTally[]): void {
  tally.tagsIn = batch;
  tally.counted = [];
  tagCells.push(tally);
}
