'use client';
import { startTransition, useEffect, useState } from 'react';
import { heldStep } from './held-value';
import type { Held } from './held-value';

/**
 * `value` as shown under a hold of `holdMs` (see `held-value.ts`): the first one at once, then at
 * most one change per hold, the newest value when the hold ends. A new `key` shows at once.
 */
export function useHeldValue<T>(value: T, key: string, holdMs: number): T {
  const [held, setHeld] = useState<Held<T>>(() => ({ value, key, sinceMs: Date.now() }));
  const step = heldStep(held, value, key, Date.now(), holdMs);
  // Stored during the render: React renders this component again at once with it, before
  // committing, so the value shows in this very update.
  if (step.kind === 'show') setHeld({ value, key, sinceMs: Date.now() });
  // When the hold ends: the same for every render during it, so the timer is set again only
  // when a newer value comes, not at every render.
  const dueMs = step.kind === 'wait' ? held.sinceMs + holdMs : null;
  useEffect(() => {
    if (dueMs === null) return;
    const timer = setTimeout(
      // A transition, like the live updates the value comes with.
      () => startTransition(() => setHeld({ value, key, sinceMs: Date.now() })),
      Math.max(0, dueMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [dueMs, value, key]);
  return step.kind === 'show' ? value : held.value;
}
