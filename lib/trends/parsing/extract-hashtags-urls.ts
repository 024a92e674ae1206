import { URL_PATTERN, urlLength } from './url-pattern';

interface Span {
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

interface Token extends Span {
  urls: Span[];
}

/**
 * Keeps the hashtags (text `tags[i]` after the hash sign at `starts[i]`, in order) that no URL
 * overlaps, as twitter-text does: hashtags and URLs are taken in order of their start, and each
 * that overlaps the last one kept is dropped. So a URL that starts before a hashtag swallows it
 * (`example.com/#tag`) and a hashtag that starts first wins (`#\u200dexample.com`).
 *
 * URLs and hashtags hold no whitespace, so only the whitespace-delimited tokens around hashtags
 * are searched, and only those with a dot (a domain has one): most posts cost nothing.
 */
export function dropTagsInUrls(text: string, tags: string[], starts: number[]): string[] {
  if (!text.includes('.')) return tags;
  let token: Token | undefined;
  let keptUpTo = 0;
  let urlIndex = 0;
  return tags.filter((tag, i) => {
    const start = starts[i];
    if (token === undefined || start >= token.end) {
      token = tokenAround(text, start);
      urlIndex = 0;
    }
    // URLs that start before this hashtag come first in twitter-text's order.
    while (urlIndex < token.urls.length && token.urls[urlIndex].start < start) {
      const url = token.urls[urlIndex++];
      if (url.start >= keptUpTo) keptUpTo = url.end;
    }
    if (start < keptUpTo) return false;
    keptUpTo = start + 1 + tag.length;
    return true;
  });
}

function tokenAround(text: string, index: number): Token {
  let start = index;
  while (start > 0 && !isWhitespace(text.charCodeAt(start - 1))) start--;
  let end = index;
  while (end < text.length && !isWhitespace(text.charCodeAt(end))) end++;
  const tokenText = text.slice(start, end);
  if (!tokenText.includes('.')) return { start, end, urls: [] };
  const urls: Span[] = [];
  // `exec` on the shared regex: `matchAll` would copy (and compile) the large regex per call.
  URL_PATTERN.lastIndex = 0;
  for (let match = URL_PATTERN.exec(tokenText); match; match = URL_PATTERN.exec(tokenText)) {
    const length = urlLength(match);
    if (length > 0) urls.push({ start: start + match.index, end: start + match.index + length });
  }
  return { start, end, urls };
}

/** The UTF-16 units that `\s` matches. */
function isWhitespace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}
