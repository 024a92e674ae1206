'use client';
/**
 * State kept in `localStorage` under `storageKey`: read after mount (the server render has no
 * storage), written on every change. Storage that is full or blocked leaves the state in memory.
 */
import { startTransition, useCallback, useEffect, useState } from 'react';

export function useStoredState<T>(
  storageKey: string,
  parse: (stored: string | null) => T,
  initial: T,
): [T, (update: (previous: T) => T) => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const stored = readStorage(storageKey);
    // Nothing stored: the initial value stands (same identity, so nothing re-renders). A stored
    // value renders as a transition, so that sections not yet hydrated need not hydrate at once.
    if (stored !== null) startTransition(() => setValue(parse(stored)));
  }, [storageKey, parse]);
  const update = useCallback(
    (change: (previous: T) => T) => {
      setValue((previous) => {
        const next = change(previous);
        writeStorage(storageKey, JSON.stringify(next));
        return next;
      });
    },
    [storageKey],
  );
  return [value, update];
}

function readStorage(storageKey: string): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function writeStorage(storageKey: string, value: string) {
  try {
    window.localStorage.setItem(storageKey, value);
  } catch {
    // Private mode or a full quota: the list lasts as long as the page.
  }
}
