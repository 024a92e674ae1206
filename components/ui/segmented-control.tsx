'use client';
/**
 * A segmented control that is a radio group: one tab stop; arrow keys (and Home/End) move the
 * choice and the focus together, as the ARIA radio group pattern describes.
 */
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';

export interface SegmentOption<V extends string> {
  value: V;
  label: string;
  /** Spoken name when the visible label is terse (`5m` → `Last 5 min`). */
  ariaLabel?: string;
}

/** A `Map`, not an object: `event.key in {…}` would also match inherited names. */
const STEP_BY_KEY = new Map([
  ['ArrowRight', 1],
  ['ArrowDown', 1],
  ['ArrowLeft', -1],
  ['ArrowUp', -1],
]);

const SEGMENT_CLASS = {
  checked:
    'rounded-md bg-white px-2.5 py-1 text-xs font-semibold text-zinc-900 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:bg-zinc-950 dark:text-zinc-50',
  unchecked:
    'rounded-md px-2.5 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:text-zinc-400 dark:hover:text-zinc-100',
} as const;

export function SegmentedControl<V extends string>({
  label,
  options,
  value,
  onChange,
}: {
  /** Accessible name of the group. */
  label: string;
  options: readonly SegmentOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Math.max(
      0,
      options.findIndex((option) => option.value === value),
    );
    let next: number | undefined;
    const step = STEP_BY_KEY.get(event.key);
    if (step !== undefined) {
      next = (current + step + options.length) % options.length;
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = options.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    onChange(options[next]!.value);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
  };
  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label={label}
      onKeyDown={onKeyDown}
      className="inline-flex shrink-0 rounded-lg border border-zinc-200 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800"
    >
      {options.map((option) => {
        const checked = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={option.ariaLabel}
            tabIndex={checked ? 0 : -1}
            onClick={() => onChange(option.value)}
            className={checked ? SEGMENT_CLASS.checked : SEGMENT_CLASS.unchecked}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
