'use client';
/**
 * Keeps the address bar in step with the view. On mount the address is read once and handed to
 * `restore`; from the next render on, every change of `view` replaces the address (no history
 * entry per click). The first write waits for the restored state, so it never overwrites the
 * address with the defaults.
 */
import { useEffect, useState } from 'react';
import type { ViewUrlState } from './view-url';
import { parseViewUrl, serialiseViewUrl } from './view-url';

export function useViewUrl(view: ViewUrlState, restore: (state: ViewUrlState) => void) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    restore(parseViewUrl(window.location.search));
    setRestored(true);
    // Read once: later changes come from the page, not from the address.
  }, []);
  const query = restored ? serialiseViewUrl(view, window.location.search) : null;
  useEffect(() => {
    if (query === null || query === window.location.search) return;
    const url = new URL(window.location.href);
    url.search = query;
    // `null` state, as Next's router expects of a page's own replaceState (it then syncs its
    // search parameters instead of treating the call as one of its own).
    window.history.replaceState(null, '', url);
  }, [query]);
}
