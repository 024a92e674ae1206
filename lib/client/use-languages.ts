'use client';
/**
 * The languages seen in the chosen window with their post counts (`GET /api/languages`),
 * fetched when the window changes and again every `REFRESH_BATCHES` batches. Empty until the
 * first answer, and kept as it was when a fetch fails.
 */
import { useEffect, useState } from 'react';
import type { LanguagesAnswer } from '@/lib/view-filters';

const REFRESH_BATCHES = 10;

export function useLanguages(window: string | undefined, batches: number) {
  const [languages, setLanguages] = useState<LanguagesAnswer['languages']>([]);
  const refresh = Math.floor(batches / REFRESH_BATCHES);
  useEffect(() => {
    if (window === undefined) return;
    const controller = new AbortController();
    fetch(`/api/languages?window=${encodeURIComponent(window)}`, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: Partial<LanguagesAnswer> | null) => {
        if (body && Array.isArray(body.languages)) setLanguages(body.languages);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [window, refresh]);
  return languages;
}
