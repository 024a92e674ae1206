'use client';
/**
 * Keeps keyboard focus on the same row (`data-row-id`) of a list whose elements are reused by
 * place: when an update puts another tag in the focused element, focus moves to the element
 * that now shows the focused tag, as it would if the elements moved with their tags. When the
 * tag has left the list, focus stays where it is and follows the tag now shown there. Focus
 * given back to a row from a closing dialog (or by a script) goes to the row's tag, wherever it
 * is now, as the browser gave it back to the tag's moving element before.
 * Spread the returned props on the list element.
 */
import type { FocusEvent } from 'react';
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useFocusFollowsRow<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  /** The tag of the focused row; while focus is elsewhere, of the row that had it last. */
  const focusedRowId = useRef<string | null>(null);
  const lastFocused = useRef<EventTarget | null>(null);
  const onFocus = useCallback((event: FocusEvent) => {
    const from = event.relatedTarget;
    const restored = from === null || from.closest('dialog') !== null;
    const wanted = focusedRowId.current;
    if (restored && event.target === lastFocused.current && wanted !== null) {
      if (rowIdOf(event.target) !== wanted && focusRow(ref.current, wanted)) return;
    }
    focusedRowId.current = rowIdOf(event.target);
    lastFocused.current = event.target;
  }, []);
  const onBlur = useCallback((event: FocusEvent) => {
    if (ref.current?.contains(event.relatedTarget)) return;
    lastFocused.current = event.target;
  }, []);
  // After every commit, before paint: cheap (nothing to do unless a row of the list has focus).
  useLayoutEffect(() => {
    const wanted = focusedRowId.current;
    const list = ref.current;
    const active = document.activeElement;
    if (wanted === null || !list || !active || !list.contains(active)) return;
    if (rowIdOf(active) === wanted) return;
    if (!focusRow(list, wanted)) focusedRowId.current = rowIdOf(active);
  });
  return { ref, onFocus, onBlur };
}

/** Focuses the row showing `rowId`; false when no row of `list` shows it. */
function focusRow(list: HTMLElement | null, rowId: string): boolean {
  const row = [...(list?.querySelectorAll<HTMLElement>('[data-row-id]') ?? [])].find(
    (candidate) => candidate.dataset.rowId === rowId,
  );
  row?.focus();
  return row !== undefined;
}

function rowIdOf(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  return target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId ?? null;
}
