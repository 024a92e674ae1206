/**
 * Why a tag is listed, in words, from the numbers the job carries in `TrendingTag`:
 * "4.1× its usual rate, 83 people in the last 1 min". A tag with no usual rate reads "new".
 */
import type { TrendingTag } from '@/lib/trends/types';
import { formatDecimal, formatExactCount, formatWindowMs } from './format';

/** `authorsWindowMs` is the shortest window, over which the job counts people. */
export function trendReason(tag: TrendingTag, authorsWindowMs: number, locale?: string): string {
  const people = `${formatExactCount(tag.authors, locale)} ${tag.authors === 1 ? 'person' : 'people'}`;
  const window = `in the last ${formatWindowMs(authorsWindowMs).replace(/^1 min$/, 'minute')}`;
  const pace =
    tag.rateMultiple === null
      ? 'new'
      : `${formatMultiple(tag.rateMultiple, locale)} its usual rate`;
  const prefix = tag.direction === 'cooling' ? 'past its peak, ' : '';
  return `${prefix}${pace}, ${people} ${window}`;
}

/** `4.1×` below 10, `12×` from 10, `999+×` beyond. */
export function formatMultiple(multiple: number, locale?: string): string {
  if (multiple >= 1_000) return '999+×';
  return `${formatDecimal(multiple, multiple < 10 ? 1 : 0, locale, true)}×`;
}

/** "about 7 min" until the warm-up ends; "less than a minute" at the end. */
export function warmUpLeft(warmUpEndsMs: number, batchTime: number): string {
  const minutes = Math.ceil((warmUpEndsMs - batchTime) / 60_000);
  return minutes <= 1 ? 'less than a minute' : `about ${minutes} min`;
}
