/**
 * A post's text as pieces to render as React text and links, never as HTML: hashtags (opening
 * their own detail), @mentions (their profile on x.com) and URLs. The rules are a simplified
 * twitter-text: a hashtag or mention starts at the text's start or after a character that is
 * not a letter, digit, `_` or `&`; a hashtag holds at least one letter; a username is 1–15 of
 * `A–Z a–z 0–9 _`; a URL is `http(s)://` up to white space, without trailing punctuation.
 */
import { hashtagKey } from '@/lib/trends/parsing/hashtag-key';

export type PostTextPiece =
  | { kind: 'text'; text: string }
  | { kind: 'hashtag'; text: string; tag: string; key: string }
  | { kind: 'mention'; text: string; username: string; href: string }
  | { kind: 'url'; text: string; href: string };

const PIECE = new RegExp(
  [
    '(?<url>https?:\\/\\/[^\\s<>"]+)',
    '(?<=^|[^\\p{L}\\p{M}\\p{Nd}_&])[#\\uff03](?<tag>[\\p{L}\\p{M}\\p{Nd}_]*[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{Nd}_]*)',
    '(?<=^|[^\\p{L}\\p{M}\\p{Nd}_&@])[@\\uff20](?<user>[A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])',
  ].join('|'),
  'gu',
);

/** Punctuation that ends a sentence rather than a URL. */
const URL_TRAILER = /[.,;:!?)\]'"…]+$/u;

export function postTextPieces(text: string): PostTextPiece[] {
  const pieces: PostTextPiece[] = [];
  let last = 0;
  const pushText = (upTo: number) => {
    if (upTo > last) pieces.push({ kind: 'text', text: text.slice(last, upTo) });
  };
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    const { url, tag, user } = match.groups ?? {};
    let end = start + match[0].length;
    pushText(start);
    if (url !== undefined) {
      const href = url.replace(URL_TRAILER, '');
      end = start + href.length;
      pieces.push({ kind: 'url', text: href, href });
    } else if (tag !== undefined) {
      pieces.push({ kind: 'hashtag', text: match[0], tag, key: hashtagKey(tag) });
    } else if (user !== undefined) {
      pieces.push({
        kind: 'mention',
        text: match[0],
        username: user,
        href: `https://x.com/${user}`,
      });
    }
    last = end;
  }
  pushText(text.length);
  return pieces;
}
