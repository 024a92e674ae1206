'use client';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useState } from 'react';
import { fractionOf, nearestIndex } from '@/lib/client/chart-scale';

/**
 * The point shown (its place in `xs`, ascending, or null): the one nearest the pointer, or
 * moved to with the arrow keys, `Home` and `End`.
 */
export function useActivePoint(xs: readonly number[]) {
  const [active, setActive] = useState<number | null>(null);
  const pointAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const [first, last] = [xs[0] ?? 0, xs.at(-1) ?? 0];
    const x = first + fractionOf(event.clientX - box.left, 0, box.width) * (last - first);
    setActive(nearestIndex(xs, x));
  };
  const step = (event: KeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: (active ?? xs.length) - 1,
      ArrowRight: (active ?? -1) + 1,
      Home: 0,
      End: xs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(Math.min(xs.length - 1, Math.max(0, next)));
  };
  return { active, setActive, pointAt, step };
}
