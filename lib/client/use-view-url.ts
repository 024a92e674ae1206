'use client';
/**
 * Keeps the address bar in step with the view: every change of `view` replaces the address (no
 * history entry per click). The view is read from the address by the page, on the server, so the
 * first render (and hydration) already shows it. The view as first rendered after mounting is the
 * baseline: the address is first written when the view differs from it, so opening the page does
 * not rewrite its own address (a router update during load) and the defaults never overwrite the
 * address's parameters.
 */
import { useEffect, useRef } from 'react';
import type { ViewUrlState } from './view-url';
import { serialiseViewUrl } from './view-url';

export function useViewUrl(view: ViewUrlState) {
  // The address exists only in the browser, and only the effect below writes it. Computed in
  // the render, as no markup depends on it: a `mounted` state set after hydration would render
  // the whole provider again, at once, right after hydration.
  const query =
    typeof window === 'undefined' ? null : serialiseViewUrl(view, window.location.search);
  const changed = useRef(false);
  const baseline = useRef<string | null>(null);
  useEffect(() => {
    if (query === null) return;
    if (baseline.current === null) baseline.current = query;
    if (query === baseline.current && !changed.current) return;
    changed.current = true;
    if (query === window.location.search) return;
    const url = new URL(window.location.href);
    url.search = query;
    // `null` state, as Next's router expects of a page's own replaceState (it then syncs its
    // search parameters instead of treating the call as one of its own).
    window.history.replaceState(null, '', url);
  }, [query]);
}
