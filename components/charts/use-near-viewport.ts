'use client';
/**
 * Whether an element has come within `marginPx` of the viewport, once: it stays true after. Lets
 * a panel below the fold (the chart over time on a phone) load and draw its chart only when the
 * person scrolls towards it, so the first load and every live update until then skip that work.
 * Where IntersectionObserver is missing, the answer is true at once.
 */
import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

export function useNearViewport(element: RefObject<Element | null>, marginPx = 200): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (near || !target) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `${marginPx}px` },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, marginPx, near]);
  return near;
}
