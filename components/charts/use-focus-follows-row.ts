'use client';
/**
 * Keeps keyboard focus on the same row (`data-row-id`) of a list whose elements are reused by
 * place: when an update puts another tag in the focused element, focus moves to the element
 * that now shows the focused tag, as it would if the elements moved with their tags. When the
 * tag has left the list, focus stays where it is and follows the tag now shown there.
 * Spread the returned props on the list element.
 */
import type { FocusEvent } from 'react';
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useFocusFollowsRow<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const focusedRowId = useRef<string | null>(null);
  const onFocus = useCallback((event: FocusEvent) => {
    focusedRowId.current = rowIdOf(event.target);
  }, []);
  const onBlur = useCallback((event: FocusEvent) => {
    if (!ref.current?.contains(event.relatedTarget)) focusedRowId.current = null;
  }, []);
  // After every commit, before paint: cheap (nothing to do unless a row of the list has focus).
  useLayoutEffect(() => {
    const wanted = focusedRowId.current;
    const list = ref.current;
    const active = document.activeElement;
    if (wanted === null || !list || !active || !list.contains(active)) return;
    if (rowIdOf(active) === wanted) return;
    const row = [...list.querySelectorAll<HTMLElement>('[data-row-id]')].find(
      (candidate) => candidate.dataset.rowId === wanted,
    );
    if (row) row.focus();
    else focusedRowId.current = rowIdOf(active);
  });
  return { ref, onFocus, onBlur };
}

function rowIdOf(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  return target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId ?? null;
}
