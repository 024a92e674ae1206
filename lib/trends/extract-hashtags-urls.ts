/**
 * URL spans of a text, to drop hashtags that are part of a URL (`twitter.com/#tag`), as
 * twitter-text does by removing hashtags that overlap its URL entities.
 *
 * Simplified on purpose: twitter-text accepts a URL without protocol only when its top-level
 * domain is on its list of TLDs; here any run of two or more letters counts as a TLD. A text like
 * `notes.draft/#tag` therefore loses its hashtag here while twitter-text keeps it. Such text is
 * rare and the error only ever drops a hashtag, never invents one.
 */
const URL_PATTERN = new RegExp(
  [
    '(?<![A-Za-z0-9@\\uff20$#\\uff03\\u202a-\\u202e])', // twitter-text's valid preceding chars
    '(?:https?:\\/\\/)?',
    '(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}', // domain and TLD
    '(?::\\d+)?',
    '(?:[/?][^\\s]*)?', // path and query, up to the next space
  ].join(''),
  'gu',
);

export interface Span {
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

/** Spans of URL-like text, in order. Only called when a hashtag candidate exists. */
export function findUrlSpans(text: string): Span[] {
  if (!text.includes('.')) return [];
  const spans: Span[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** True when [start, end) intersects one of `spans`. */
export function overlapsAny(spans: Span[], start: number, end: number): boolean {
  for (const span of spans) {
    if (start < span.end && span.start < end) return true;
  }
  return false;
}
