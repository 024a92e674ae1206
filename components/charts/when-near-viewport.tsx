'use client';
/**
 * Its children once its box has come near the viewport (`useNearViewport`), a still placeholder
 * of the same box before, and on the server: a chart below the fold on a phone costs neither its
 * first render nor its redraw at every batch until the person scrolls towards it.
 */
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { useNearViewport } from './use-near-viewport';

/** Still (no pulse): a chart off screen may wait long, and an endless animation costs frames. */
const offScreen = (
  <div
    aria-hidden="true"
    className="size-full min-h-40 rounded-md bg-zinc-200/80 dark:bg-zinc-800"
  />
);

export function WhenNearViewport({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div ref={box} className="size-full">
      {near ? children : offScreen}
    </div>
  );
}
