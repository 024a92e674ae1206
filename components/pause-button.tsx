'use client';
/**
 * Freezes the display (updates keep arriving; resume jumps to the latest). The `p` key toggles it
 * anywhere on the page except while typing in a field.
 */
import { useEffect } from 'react';
import { useTrendsControls } from './trends-provider';
import { PauseIcon, PlayIcon } from './ui/icons';

export function PauseButton() {
  const { paused, togglePause, hasView } = useTrendsControls();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'p' && event.key !== 'P') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      togglePause();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePause]);

  return (
    <button
      type="button"
      onClick={togglePause}
      disabled={!hasView}
      aria-keyshortcuts="p"
      data-testid="pause"
      className={
        paused
          ? 'inline-flex items-center gap-2 rounded-lg bg-amber-500 px-3 py-1.5 text-xs font-semibold text-zinc-950 shadow-sm hover:bg-amber-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50'
          : 'inline-flex items-center gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-1.5 text-xs font-semibold shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800'
      }
    >
      {paused ? <PlayIcon /> : <PauseIcon />}
      {paused ? 'Resume' : 'Pause'}
      <kbd className="rounded border border-current/30 px-1 font-mono text-[10px] leading-4 opacity-70">
        P
      </kbd>
    </button>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
