/**
 * Trims `entries` to `maxKeys` keys, least recently seen first, in time proportional to what it
 * evicts: a `Map` iterates in insertion order, so the front holds the keys inserted longest ago;
 * one of them seen at or after `keepSinceMs` gets a second chance (moved to the back, as in the
 * CLOCK page-replacement scheme) and the next is tried. When every key has been seen since then
 * and there are still too many, the oldest inserted go regardless: the bound always holds.
 * Returns how many keys were evicted.
 */
export function evictLeastRecentlySeen<V>(
  entries: Map<string, V>,
  maxKeys: number,
  lastSeenMs: (value: V) => number,
  keepSinceMs: number,
): number {
  const before = entries.size;
  if (before <= maxKeys) return 0;
  let secondChances = before;
  for (const [key, value] of entries) {
    if (entries.size <= maxKeys || secondChances === 0) break;
    entries.delete(key);
    if (lastSeenMs(value) >= keepSinceMs) {
      secondChances--;
      entries.set(key, value);
    }
  }
  for (const key of entries.keys()) {
    if (entries.size <= maxKeys) break;
    entries.delete(key);
  }
  return before - entries.size;
}
