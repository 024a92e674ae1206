'use client';
/**
 * False while the page is rendered on the server and during hydration, true after. Text that
 * depends on the browser (its time zone: the clock of a batch) is rendered only then: the server
 * cannot know it, and a different text would make React discard the server's HTML.
 */
import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
