'use client';
/**
 * The root font size relative to 16 px. The stylesheet enlarges it on wall-sized screens; SVG
 * measures that are not in rem (chart label widths, tick fonts) scale with it.
 */
import { useEffect, useState } from 'react';

export function useRootFontScale(): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const measure = () => {
      const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
      setScale(Number.isFinite(rootPx) && rootPx > 0 ? rootPx / 16 : 1);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return scale;
}
