import { END_HASHTAG, VALID_HASHTAG } from './extract-hashtags-regex';
import { findUrlSpans, overlapsAny } from './extract-hashtags-urls';
import type { Span } from './extract-hashtags-urls';

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
  const tags: string[] = [];
  let starts: number[] | undefined;
  // A fresh lastIndex per call: the regex is shared and global.
  VALID_HASHTAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = VALID_HASHTAG.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (END_HASHTAG.test(text.slice(end, end + 3))) continue;
    tags.push(match[2]);
    (starts ??= []).push(match.index + match[1].length);
  }
  return starts === undefined ? tags : dropTagsInUrls(text, tags, starts);
}

function dropTagsInUrls(text: string, tags: string[], starts: number[]): string[] {
  const urls: Span[] = findUrlSpans(text);
  if (urls.length === 0) return tags;
  // A hashtag's span is the hash sign (one UTF-16 unit, `#` or `＃`) plus its text.
  return tags.filter((tag, i) => !overlapsAny(urls, starts[i], starts[i] + 1 + tag.length));
}
