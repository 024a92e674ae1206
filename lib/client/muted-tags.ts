/**
 * Hashtags a person hides from every panel (`#NowPlaying`-style noise). The list lives in the
 * browser (`localStorage`), is applied to the state the panels draw, and never reaches the server.
 */
import type { DashboardState } from './dashboard-state';

export interface MutedTag {
  key: string;
  /** Spelling shown in the list. */
  tag: string;
}

export const MUTED_STORAGE_KEY = 'tagstream:muted';
/** A bound on what a stored list may hold, so a corrupt entry cannot flood the page. */
export const MAX_MUTED_TAGS = 200;

/** The stored list; anything that is not a list of `{ key, tag }` strings reads as empty. */
export function parseMutedTags(stored: string | null): MutedTag[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (entry): entry is MutedTag =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as MutedTag).key === 'string' &&
          typeof (entry as MutedTag).tag === 'string' &&
          (entry as MutedTag).key.length > 0,
      )
      .map(({ key, tag }) => ({ key, tag }))
      .slice(0, MAX_MUTED_TAGS);
  } catch {
    return [];
  }
}

export function muteTag(list: readonly MutedTag[], tag: MutedTag): MutedTag[] {
  if (list.some((muted) => muted.key === tag.key) || list.length >= MAX_MUTED_TAGS) {
    return [...list];
  }
  return [...list, { key: tag.key, tag: tag.tag }];
}

export function unmuteTag(list: readonly MutedTag[], key: string): MutedTag[] {
  return list.filter((muted) => muted.key !== key);
}

/**
 * The state without the muted tags in the top lists and the trending and cooling lists. Ranks
 * are the places in what is shown. The state itself is returned when nothing is muted.
 */
export function withoutMuted(state: DashboardState, muted: ReadonlySet<string>): DashboardState {
  if (muted.size === 0) return state;
  const shown = <T extends { key: string }>(tags: T[]) => tags.filter((tag) => !muted.has(tag.key));
  return {
    ...state,
    windows: state.windows.map((window) => ({ ...window, top: shown(window.top) })),
    trending: shown(state.trending),
    cooling: shown(state.cooling),
  };
}
