'use client';
/**
 * recharts 3 draws its z-index layers as `<g>` portal containers. React listens for focus events
 * on every portal container, and Chromium counts an SVG element with focus listeners as
 * focusable, so each non-empty layer becomes a stray, invisible tab stop. `tabindex="-1"` takes
 * them out of the tab order (after every render: layers come and go with the chart's content).
 */
import type { RefObject } from 'react';
import { useEffect } from 'react';

export function useUntabbableLayers(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const layers = container.current?.querySelectorAll('g[class^="recharts-zIndex-layer"]');
    layers?.forEach((layer) => {
      if (!layer.hasAttribute('tabindex')) layer.setAttribute('tabindex', '-1');
    });
  });
}
