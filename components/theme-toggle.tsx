'use client';
/** Cycles the theme: follow the system → dark → light. The choice is remembered. */
import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { ThemeChoice } from '@/lib/client/theme';
import {
  applyThemeChoice,
  nextThemeChoice,
  onSystemSchemeChange,
  readThemeChoice,
} from '@/lib/client/theme';
import { MoonIcon, SunIcon, SystemThemeIcon } from './ui/icons';

const THEME_LABEL: Record<ThemeChoice, { text: string; icon: ReactNode }> = {
  system: { text: 'System theme', icon: <SystemThemeIcon /> },
  dark: { text: 'Dark theme', icon: <MoonIcon /> },
  light: { text: 'Light theme', icon: <SunIcon /> },
};

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice | null>(null);

  // A transition: right after hydration, not in a render of its own that nothing may interrupt.
  useEffect(() => startTransition(() => setChoice(readThemeChoice())), []);
  useEffect(() => {
    if (choice !== 'system') return;
    return onSystemSchemeChange(() => applyThemeChoice('system'));
  }, [choice]);

  const current = choice ?? 'system';
  const next = nextThemeChoice(current);
  return (
    <button
      type="button"
      onClick={() => {
        applyThemeChoice(next);
        setChoice(next);
      }}
      aria-label={`${THEME_LABEL[current].text}; switch to ${THEME_LABEL[next].text.toLowerCase()}`}
      title={THEME_LABEL[current].text}
      className="grid size-8 place-items-center rounded-lg border border-zinc-200 bg-white text-sm shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
    >
      {THEME_LABEL[current].icon}
    </button>
  );
}
