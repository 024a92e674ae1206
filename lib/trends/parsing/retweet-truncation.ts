/**
 * X cuts the text of a retweet (`RT @author: …`) to fit and ends it with `…`. A hashtag the cut
 * went through (`… #Eth…` for `#Ethereum`) is not in X's own entities, and only a part of the
 * real tag is left, so the text fallback must not count it either.
 *
 * From the text alone a cut tag cannot be told from a complete one the cut happened to follow
 * (`#kpop…`), so a tag directly followed by the final `…` is always dropped. In recorded
 * retweets that carry entities, X left out 100 of 114 such tags; the other 14 were complete.
 */

const ELLIPSIS = '\u2026';

/** `tags` (as `extractHashtags(text)` found them) without a last one cut by the ellipsis. */
export function withoutTruncatedHashtag(text: string, tags: string[]): string[] {
  if (tags.length === 0 || !text.startsWith('RT @')) return tags;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(ELLIPSIS)) return tags;
  const last = tags[tags.length - 1]!;
  const hashAt = trimmed.length - ELLIPSIS.length - last.length - 1;
  const hash = trimmed[hashAt];
  const cut = (hash === '#' || hash === '\uff03') && trimmed.startsWith(last, hashAt + 1);
  return cut ? tags.slice(0, -1) : tags;
}
