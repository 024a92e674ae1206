import { END_HASHTAG, HASHTAG_TEXT, NOT_BOUNDARY } from './extract-hashtags-regex';
import { dropTagsInUrls } from './extract-hashtags-urls';

/**
 * Hashtags of a post's text, without the hash sign, in order of appearance, following
 * twitter-text's `extractHashtags` (conformance suite `extract.yml`, section `hashtags`):
 * `#` or fullwidth `＃`, not preceded by a letter, digit or `&`, at least one letter, not followed
 * by another hash sign or by `://`, and not inside a URL. Duplicates are kept.
 *
 * Used for posts that came without `entities` (the X API extracts hashtags itself otherwise).
 */
export function extractHashtags(text: string): string[] {
  if (text.indexOf('#') === -1 && text.indexOf('\uff03') === -1) return [];
  const nextHashSign = hashSignFinder(text);
  let hash = nextHashSign(0);
  const tags: string[] = [];
  const starts: number[] = [];
  // twitter-text's regex consumes the boundary code point, so text it matched (even a candidate
  // it then dropped) cannot serve as the boundary of the next hashtag: `#a#b` has none.
  let matchedUpTo = 0;
  while (hash !== -1) {
    const tag = isBoundaryBefore(text, hash, matchedUpTo)
      ? hashtagTextAt(text, hash + 1)
      : undefined;
    if (tag !== undefined) {
      matchedUpTo = hash + 1 + tag.length;
      if (!END_HASHTAG.test(text.slice(matchedUpTo, matchedUpTo + 3))) {
        tags.push(tag);
        starts.push(hash);
      }
    }
    hash = nextHashSign(hash + 1);
  }
  return tags.length === 0 ? tags : dropTagsInUrls(text, tags, starts);
}

/** Finds the next `#` or `＃`; `＃` is rare, so its search runs once unless it is found. */
function hashSignFinder(text: string): (from: number) => number {
  let fullwidth = text.indexOf('\uff03');
  return (from) => {
    if (fullwidth !== -1 && fullwidth < from) fullwidth = text.indexOf('\uff03', from);
    const ascii = text.indexOf('#', from);
    if (fullwidth === -1) return ascii;
    return ascii === -1 || fullwidth < ascii ? fullwidth : ascii;
  };
}

/** Start of text, a variation selector, or a code point that is not hashtag text nor `&`. */
function isBoundaryBefore(text: string, hash: number, matchedUpTo: number): boolean {
  if (hash === 0) return true;
  let before = hash - 1;
  const unit = text.charCodeAt(before);
  if (unit >= 0xdc00 && unit <= 0xdfff && before > 0) {
    const high = text.charCodeAt(before - 1);
    if (high >= 0xd800 && high <= 0xdbff) before--;
  }
  if (before < matchedUpTo) return false;
  if (unit === 0xfe0e || unit === 0xfe0f) return true;
  NOT_BOUNDARY.lastIndex = before;
  return !NOT_BOUNDARY.test(text);
}

function hashtagTextAt(text: string, start: number): string | undefined {
  HASHTAG_TEXT.lastIndex = start;
  const match = HASHTAG_TEXT.exec(text);
  return match === null ? undefined : match[0];
}
