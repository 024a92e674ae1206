'use client';
/**
 * State kept in `localStorage` under `storageKey`: read after mount (the server render has no
 * storage), written on every change. Storage that is full or blocked leaves the state in memory.
 */
import { useCallback, useEffect, useState } from 'react';

export function useStoredState<T>(
  storageKey: string,
  parse: (stored: string | null) => T,
  initial: T,
): [T, (update: (previous: T) => T) => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    setValue(parse(readStorage(storageKey)));
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
