'use client';
/**
 * Segmented control choosing the window of the top-hashtags chart: a radio group with one tab
 * stop, arrow keys (and Home/End) move and select, as the ARIA radio group pattern describes.
 */
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { formatWindowMs } from '@/lib/client/format';
import { useTrends } from './trends-provider';
import { Skeleton } from './ui/skeleton';

const STEP_BY_KEY: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

export function WindowSelector() {
  const { view, selectedWindow, selectWindow } = useTrends();
  const group = useRef<HTMLDivElement>(null);
  if (!view || !selectedWindow) return <Skeleton className="h-8 w-44" />;
  const labels = view.windows.map((window) => window.label);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = labels.indexOf(selectedWindow.label);
    let next: number | undefined;
    if (event.key in STEP_BY_KEY) {
      next = (current + STEP_BY_KEY[event.key]! + labels.length) % labels.length;
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = labels.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    selectWindow(labels[next]!);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
  };

  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label="Window of the top hashtags"
      onKeyDown={onKeyDown}
      className="inline-flex rounded-lg border border-zinc-200 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800"
    >
      {view.windows.map((window) => {
        const checked = window.label === selectedWindow.label;
        return (
          <button
            key={window.label}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={`Last ${formatWindowMs(window.windowMs)}`}
            tabIndex={checked ? 0 : -1}
            onClick={() => selectWindow(window.label)}
            className={
              checked
                ? 'rounded-md bg-white px-2.5 py-1 text-xs font-semibold text-zinc-900 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:bg-zinc-950 dark:text-zinc-50'
                : 'rounded-md px-2.5 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 dark:text-zinc-400 dark:hover:text-zinc-100'
            }
          >
            {window.label}
          </button>
        );
      })}
    </div>
  );
}
