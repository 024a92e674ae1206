/**
 * Number, duration and time formatting for the dashboard. Every function takes an optional
 * locale (the browser's by default) so tests can pin one.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions) {
  const cacheKey = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(cacheKey, format);
  }
  return format;
}

/** Below this, counts are shown in full (`9,876`); from it on, compact (`12K`, `1.3M`). */
export const COMPACT_FROM = 10_000;

/** A count of posts: exact with grouping below `COMPACT_FROM`, compact above. */
export function formatCount(count: number, locale?: string): string {
  if (Math.abs(count) < COMPACT_FROM) return numberFormat(locale, {}).format(count);
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

/** A count always in full with grouping, for tooltips and screen readers. */
export function formatExactCount(count: number, locale?: string): string {
  return numberFormat(locale, {}).format(count);
}

/** A rate per second: one decimal below 100, compact above 10,000. */
export function formatRate(perSec: number, locale?: string): string {
  if (Math.abs(perSec) >= COMPACT_FROM) return formatCount(perSec, locale);
  const digits = Math.abs(perSec) < 100 ? 1 : 0;
  return numberFormat(locale, { maximumFractionDigits: digits }).format(perSec);
}

/** A duration in ms: `850 ms`, `1.2 s`, `3 min 5 s`. */
export function formatDurationMs(durationMs: number, locale?: string): string {
  const ms = Math.max(0, durationMs);
  if (ms < 1000) return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(ms)} ms`;
  if (ms < 60_000) {
    return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** A window length for labels: 60000 → `1 min`, 3600000 → `60 min`, 30000 → `30 s`. */
export function formatWindowMs(windowMs: number): string {
  if (windowMs % 60_000 === 0) return `${windowMs / 60_000} min`;
  return `${Math.round(windowMs / 1000)} s`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A wall-clock time of day `12:00:05` for an epoch time in ms. The format is made once per
 * locale and zone: making one costs far more than using it, and charts call this per tick.
 */
export function formatClock(epochMs: number, locale?: string, timeZone?: string): string {
  const cacheKey = `${locale ?? ''}|${timeZone ?? ''}`;
  let format = clockFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZone,
    });
    clockFormats.set(cacheKey, format);
  }
  return format.format(epochMs);
}

/** A signed rank change for display: `+3`, `−2` (true minus sign), `0`. */
export function formatRankChange(rankChange: number): string {
  if (rankChange > 0) return `+${rankChange}`;
  if (rankChange < 0) return `\u2212${Math.abs(rankChange)}`;
  return '0';
}
