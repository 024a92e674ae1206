/**
 * Number, duration and time formatting for the dashboard. Without a locale, numbers are written
 * as in US English and times of day in 24 hours, without `Intl` (see decimal-text.ts: the first
 * `Intl` formatter costs a phone a long task during hydration), and the same on the server and
 * in every browser. A locale, when given, is followed with `Intl`.
 */
import { compactDecimal, groupedDecimal } from './decimal-text';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
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
  if (locale === undefined) {
    return Math.abs(count) < COMPACT_FROM ? groupedDecimal(count) : compactDecimal(count);
  }
  if (Math.abs(count) < COMPACT_FROM) return numberFormat(locale, {}).format(count);
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}

/** A count always in full with grouping, for tooltips and screen readers. */
export function formatExactCount(count: number, locale?: string): string {
  return formatDecimal(count, 0, locale);
}

/** A rate per second: one decimal below 100, compact above 10,000. */
export function formatRate(perSec: number, locale?: string): string {
  if (Math.abs(perSec) >= COMPACT_FROM) return formatCount(perSec, locale);
  return formatDecimal(perSec, Math.abs(perSec) < 100 ? 1 : 0, locale);
}

/** A duration in ms: `850 ms`, `1.2 s`, `3 min 5 s`. */
export function formatDurationMs(durationMs: number, locale?: string): string {
  const ms = Math.max(0, durationMs);
  if (ms < 1000) return `${formatDecimal(ms, 0, locale)} ms`;
  if (ms < 60_000) return `${formatDecimal(ms / 1000, 1, locale)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/**
 * `value` with grouping and `fractionDigits` decimals at most (exactly, with `fixed`): in US
 * English without a locale.
 */
export function formatDecimal(
  value: number,
  fractionDigits: number,
  locale?: string,
  fixed = false,
): string {
  const minFractionDigits = fixed ? fractionDigits : 0;
  if (locale === undefined) return groupedDecimal(value, fractionDigits, minFractionDigits);
  return numberFormat(locale, {
    minimumFractionDigits: minFractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A window length for labels: 60000 → `1 min`, 3600000 → `60 min`, 30000 → `30 s`. */
export function formatWindowMs(windowMs: number): string {
  if (windowMs % 60_000 === 0) return `${windowMs / 60_000} min`;
  return `${Math.round(windowMs / 1000)} s`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A wall-clock time of day `12:00:05` for an epoch time in ms, in the browser's time zone or
 * `timeZone`. Without a locale, in the browser's zone or UTC, it is written from the date's own
 * fields; otherwise the `Intl` format is made once per locale and zone: making one costs far more
 * than using it, and charts call this per tick.
 */
export function formatClock(epochMs: number, locale?: string, timeZone?: string): string {
  if (locale === undefined && (timeZone === undefined || timeZone === 'UTC')) {
    return clockText(new Date(epochMs), timeZone === 'UTC');
  }
  const cacheKey = `${locale}|${timeZone ?? ''}`;
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

function clockText(date: Date, utc: boolean): string {
  const fields = utc
    ? [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getHours(), date.getMinutes(), date.getSeconds()];
  return fields.map((field) => String(field).padStart(2, '0')).join(':');
}

/** A signed rank change for display: `+3`, `−2` (true minus sign), `0`. */
export function formatRankChange(rankChange: number): string {
  if (rankChange > 0) return `+${rankChange}`;
  if (rankChange < 0) return `\u2212${Math.abs(rankChange)}`;
  return '0';
}
