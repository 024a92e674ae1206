/**
 * Counting key of a hashtag: NFKC-normalised, then lower-cased, so `#WorldCup`, `#worldcup` and
 * `#ＷｏｒｌｄＣｕｐ` count as one (`worldcup`). `toLowerCase` is locale-independent on purpose:
 * the key must not depend on the server's locale.
 *
 * Memoised because NFKC is slow and the same few thousand tags repeat all day. The cache holds at
 * most `MAX_CACHED_KEYS` entries and is cleared when full: a cheap bound on memory that costs one
 * round of recomputation, instead of the bookkeeping an LRU would add to every call.
 */
const MAX_CACHED_KEYS = 100_000;

const cache = new Map<string, string>();

export function hashtagKey(tag: string): string {
  const cached = cache.get(tag);
  if (cached !== undefined) return cached;
  const key = tag.normalize('NFKC').toLowerCase();
  if (cache.size >= MAX_CACHED_KEYS) cache.clear();
  cache.set(tag, key);
  return key;
}
