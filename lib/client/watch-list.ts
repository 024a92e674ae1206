/**
 * The hashtags whose series the dashboard draws. Each keeps a colour slot for as long as it is
 * watched, so a line keeps its colour when other tags come and go.
 */
import { MAX_WATCHED_TAGS } from '@/lib/protocol';

export interface WatchedTag {
  /** Counting key (what the server's `watch` event and series use). */
  key: string;
  /** Display spelling. */
  tag: string;
  /** Index into the series palette, 0 … `MAX_WATCHED_TAGS - 1`, unique within the list. */
  colorSlot: number;
}

export type ToggleResult =
  { outcome: 'added' | 'removed'; list: WatchedTag[] } | { outcome: 'full'; list: WatchedTag[] };

/** Adds the tag (with the lowest free colour slot) or removes it when already watched. */
export function toggleWatched(
  list: readonly WatchedTag[],
  tag: { key: string; tag: string },
  max = MAX_WATCHED_TAGS,
): ToggleResult {
  if (list.some((watched) => watched.key === tag.key)) {
    return { outcome: 'removed', list: removeWatched(list, tag.key) };
  }
  if (list.length >= max) return { outcome: 'full', list: [...list] };
  const used = new Set(list.map((watched) => watched.colorSlot));
  let colorSlot = 0;
  while (used.has(colorSlot)) colorSlot += 1;
  return { outcome: 'added', list: [...list, { key: tag.key, tag: tag.tag, colorSlot }] };
}

export function removeWatched(list: readonly WatchedTag[], key: string): WatchedTag[] {
  return list.filter((watched) => watched.key !== key);
}

/** The first `count` tags, in order, as a fresh list (used to seed the chart on first load). */
export function seedWatched(
  tags: readonly { key: string; tag: string }[],
  count = 3,
): WatchedTag[] {
  let list: WatchedTag[] = [];
  for (const tag of tags.slice(0, count)) list = toggleWatched(list, tag).list;
  return list;
}
