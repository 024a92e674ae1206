/**
 * Drops hashtags that are part of a URL (`twitter.com/#tag`), as twitter-text does by removing
 * hashtags that overlap its URL entities.
 *
 * Simplified on purpose: twitter-text accepts a URL without protocol only when its top-level
 * domain is on its list of TLDs; here any run of two or more letters counts as a TLD. A text like
 * `notes.draft/#tag` therefore loses its hashtag here while twitter-text keeps it. Such text is
 * rare and the error only ever drops a hashtag, never invents one.
 */
const URL_PATTERN = new RegExp(
  [
    // twitter-text's invalid preceding characters, and those it refuses before a bare domain
    '(?<![A-Za-z0-9@\\uff20$#\\uff03\\u202a-\\u202e_./-])',
    '(?:https?:\\/\\/)?',
    '(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}', // domain and TLD
    '(?::\\d+)?',
    '(?:[/?]\\S*)?', // path and query, up to the next space
  ].join(''),
  'gu',
);

interface Span {
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

interface Token extends Span {
  urls: Span[];
}

/**
 * Keeps the hashtags (text `tags[i]` after the hash sign at `starts[i]`, in order) that overlap
 * no URL. URLs and hashtags hold no whitespace, so only the whitespace-delimited tokens around
 * hashtags are searched, and only those with a dot (a domain has one): most posts cost nothing.
 */
export function dropTagsInUrls(text: string, tags: string[], starts: number[]): string[] {
  if (!text.includes('.')) return tags;
  let token: Token | undefined;
  return tags.filter((tag, i) => {
    const start = starts[i];
    if (token === undefined || start >= token.end) token = tokenAround(text, start);
    const end = start + 1 + tag.length;
    return !token.urls.some((url) => start < url.end && url.start < end);
  });
}

function tokenAround(text: string, index: number): Token {
  let start = index;
  while (start > 0 && !isWhitespace(text.charCodeAt(start - 1))) start--;
  let end = index;
  while (end < text.length && !isWhitespace(text.charCodeAt(end))) end++;
  const tokenText = text.slice(start, end);
  if (!tokenText.includes('.')) return { start, end, urls: [] };
  const urls = [...tokenText.matchAll(URL_PATTERN)].map((match) => ({
    start: start + match.index,
    end: start + match.index + match[0].length,
  }));
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
