import type { LanguageCount } from '../types';
import { languageOfCell } from './filter-cells';

/**
 * The languages of a window's posts, most posts first (equal counts by code), from its
 * `[cell, posts]` pairs: a language's posts are those of its original and retweet cells.
 */
export function windowLanguages(postCells: readonly [string, number][]): LanguageCount[] {
  const posts = new Map<string, number>();
  for (const [cell, count] of postCells) {
    const lang = languageOfCell(cell);
    if (lang !== undefined) posts.set(lang, (posts.get(lang) ?? 0) + count);
  }
  return [...posts]
    .map(([lang, count]) => ({ lang, posts: count }))
    .sort((a, b) => b.posts - a.posts || (a.lang < b.lang ? -1 : 1));
}

/** The posts a filter's cells hold in a window (`[cell, posts]` pairs). */
export function postsInCells(
  postCells: readonly [string, number][],
  cells: readonly string[],
): number {
  let posts = 0;
  for (const [cell, count] of postCells) if (cells.includes(cell)) posts += count;
  return posts;
}
