import type { ViewFilter } from '@/lib/view-filters';

/**
 * The filter dimensions as cells. Every post falls in one language cell, `<lang>|o` (original:
 * not a retweet; quotes and replies are originals) or `<lang>|r` (retweet), and an original also
 * in the all-languages cell `*|o`. Each hashtag of a post is counted once more per cell of the
 * post, under the key `<cell>\0<tag key>`, in the same engine operators as the plain counts.
 *
 * Every filter is then the sum of at most two cells:
 * - `{ lang: 'pt', originalsOnly: true }` → `pt|o`;
 * - `{ lang: 'pt' }` → `pt|o` + `pt|r`;
 * - `{ originalsOnly: true }` → `*|o`;
 * - `{}` → the plain counts (no cell).
 * The `*|o` cell costs one pair per original post's tag but spares summing every language's
 * cell (and their error bounds) for "original posts only".
 */
export const ALL_ORIGINALS_CELL = '*|o';

/** Separates the cell from the tag key: no hashtag key holds a control character. */
const CELL_SEPARATOR = '\u0000';

export function cellKey(cell: string, tagKey: string): string {
  return cell + CELL_SEPARATOR + tagKey;
}

/** `[cell, tag key]` of a cell key; undefined for a plain tag key. */
export function splitCellKey(key: string): [string, string] | undefined {
  const at = key.indexOf(CELL_SEPARATOR);
  return at === -1 ? undefined : [key.slice(0, at), key.slice(at + 1)];
}

/** The language of a language cell (`pt|o` → `pt`); undefined for `*|o`. */
export function languageOfCell(cell: string): string | undefined {
  return cell === ALL_ORIGINALS_CELL ? undefined : cell.slice(0, cell.length - 2);
}

/** The cells a filter sums; undefined when it narrows nothing (the plain counts answer). */
export function cellsOfFilter(filter: ViewFilter): string[] | undefined {
  if (filter.lang === undefined) return filter.originalsOnly ? [ALL_ORIGINALS_CELL] : undefined;
  const original = `${filter.lang}|o`;
  return filter.originalsOnly ? [original] : [original, `${filter.lang}|r`];
}

/** A filter as one stable string (`pt|o`, `pt|*`, `*|o`, `*|*`): rooms and caches use it. */
export function filterId(filter: ViewFilter): string {
  return `${filter.lang ?? '*'}|${filter.originalsOnly ? 'o' : '*'}`;
}
