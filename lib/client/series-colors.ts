/**
 * The palette of watched tags, one entry per colour slot (see watch-list.ts). Class names are
 * written out in full so Tailwind finds them; charts use the CSS variable.
 */
import { MAX_WATCHED_TAGS } from '@/lib/protocol';

export interface SeriesColor {
  /** CSS colour for SVG strokes and fills. */
  css: string;
  /** Background class for swatches and chip dots. */
  swatchClass: string;
}

export const SERIES_COLORS: readonly SeriesColor[] = [
  { css: 'var(--color-chart-1)', swatchClass: 'bg-chart-1' },
  { css: 'var(--color-chart-2)', swatchClass: 'bg-chart-2' },
  { css: 'var(--color-chart-3)', swatchClass: 'bg-chart-3' },
  { css: 'var(--color-chart-4)', swatchClass: 'bg-chart-4' },
  { css: 'var(--color-chart-5)', swatchClass: 'bg-chart-5' },
  { css: 'var(--color-chart-6)', swatchClass: 'bg-chart-6' },
  { css: 'var(--color-chart-7)', swatchClass: 'bg-chart-7' },
  { css: 'var(--color-chart-8)', swatchClass: 'bg-chart-8' },
  { css: 'var(--color-chart-9)', swatchClass: 'bg-chart-9' },
  { css: 'var(--color-chart-10)', swatchClass: 'bg-chart-10' },
  { css: 'var(--color-chart-11)', swatchClass: 'bg-chart-11' },
  { css: 'var(--color-chart-12)', swatchClass: 'bg-chart-12' },
];

if (SERIES_COLORS.length < MAX_WATCHED_TAGS) {
  throw new Error('SERIES_COLORS needs one colour per watchable tag');
}

export function seriesColor(colorSlot: number): SeriesColor {
  return SERIES_COLORS[colorSlot % SERIES_COLORS.length]!;
}
