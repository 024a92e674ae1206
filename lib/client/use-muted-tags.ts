'use client';
/** The muted tags (kept in `localStorage`) and the view without them. */
import { useCallback, useMemo } from 'react';
import type { DashboardState } from './dashboard-state';
import type { MutedTag } from './muted-tags';
import { MUTED_STORAGE_KEY, muteTag, parseMutedTags, unmuteTag, withoutMuted } from './muted-tags';
import { useStoredState } from './use-stored-state';

export interface MutedTags {
  muted: MutedTag[];
  muteTag: (tag: MutedTag) => void;
  unmuteTag: (key: string) => void;
  /** `view` without the muted tags (the same object when none is muted). */
  shownView: DashboardState | null;
}

const NONE: MutedTag[] = [];

export function useMutedTags(view: DashboardState | null): MutedTags {
  const [muted, updateMuted] = useStoredState(MUTED_STORAGE_KEY, parseMutedTags, NONE);
  const mutedKeys = useMemo(() => new Set(muted.map((tag) => tag.key)), [muted]);
  const shownView = useMemo(() => (view ? withoutMuted(view, mutedKeys) : null), [view, mutedKeys]);
  const mute = useCallback(
    (tag: MutedTag) => updateMuted((list) => muteTag(list, tag)),
    [updateMuted],
  );
  const unmute = useCallback(
    (key: string) => updateMuted((list) => unmuteTag(list, key)),
    [updateMuted],
  );
  return { muted, muteTag: mute, unmuteTag: unmute, shownView };
}
