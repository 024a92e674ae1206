/**
 * URLs as twitter-text finds them (`extractUrl`, `validUrlPath`, `validTcoUrl`), for dropping the
 * hashtags that sit inside one. Written with Unicode property escapes; one deliberate
 * simplification: twitter-text accepts a top-level domain only from its list of TLDs, here any
 * whole run of two or more letters is one (`notes.draft/#tag` is a URL here, not there). Such text
 * is rare, and the error only ever drops a hashtag, never invents one.
 */

const LATIN_ACCENTS =
  '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256\\u0257\\u0259' +
  '\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff';
const CYRILLIC = '\\u0400-\\u04ff';

/** Characters that may not come right before a URL: no `abc.com` out of `xabc.com`, `@a.com`. */
const NOT_BEFORE_URL = 'A-Za-z0-9@\\uff20$#\\uff03\\ufffe\\ufeff\\uffff';
/**
 * A URL without protocol may not follow these either (`_a.com`, `b/a.com`); such a match is no
 * URL but, as in twitter-text, the search goes on after it.
 */
const NOT_BEFORE_BARE_URL = /[_./-]/u;

const PROTOCOL = '[hH][tT][tT][pP][sS]?:\\/\\/';
const DOMAIN_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const SUBDOMAIN = `(?:${DOMAIN_CHAR}(?:[_-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.`;
const DOMAIN_NAME = `(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.`;
/** The simplification: a whole letter run instead of twitter-text's list of TLDs. */
const TLD = '\\p{L}{2,}(?![\\p{L}\\p{N}@+-])';
const DOMAIN = `(?:${SUBDOMAIN})*${DOMAIN_NAME}${TLD}`;

const PATH_CHAR = `[A-Za-z${CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&${LATIN_ACCENTS}]`;
const BALANCED_PARENS = `\\((?:${PATH_CHAR}+|${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*)\\)`;
const PATH_END = `(?:[+\\-A-Za-z${CYRILLIC}0-9=_#/${LATIN_ACCENTS}]|${BALANCED_PARENS})`;
const PATH_PART = `(?:${PATH_CHAR}*(?:${BALANCED_PARENS}${PATH_CHAR}*)*${PATH_END}|@${PATH_CHAR}+\\/)`;
const QUERY = "\\?[A-Za-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]*[A-Za-z0-9\\-_&=#/]";

/**
 * Global: a URL with or without protocol (group 1), its domain (group 2), port, path (group 3)
 * and query.
 */
export const URL_PATTERN = new RegExp(
  // Path characters hold combining marks (U+0300–U+036F) one by one, as twitter-text's do.
  // eslint-disable-next-line no-misleading-character-class
  `(?<![${NOT_BEFORE_URL}])(${PROTOCOL})?(${DOMAIN})` +
    `(?::[0-9]+)?(\\/${PATH_PART}*)?(?:${QUERY})?`,
  'gu',
);

/**
 * twitter-text's t.co rule: a t.co URL with a protocol ends after its slug (and query), and one
 * with a slug longer than 40 characters is no URL.
 */
const TCO_URL = new RegExp(`^${PROTOCOL}t\\.co\\/([A-Za-z0-9]+)(?:${QUERY})?`, 'u');
const MAX_TCO_SLUG_LENGTH = 40;

/**
 * Length of the URL that `match` (a match of `URL_PATTERN`) stands for, 0 when it is none. As in
 * twitter-text, a URL without protocol and without path is its domain alone (`a.com:80?q` is
 * `a.com`).
 */
export function urlLength(match: RegExpExecArray): number {
  if (match[1] === undefined) {
    const before = match.index === 0 ? '' : match.input.charAt(match.index - 1);
    if (NOT_BEFORE_BARE_URL.test(before)) return 0;
    return match[3] === undefined ? match[2].length : match[0].length;
  }
  const tco = TCO_URL.exec(match[0]);
  if (tco === null) return match[0].length;
  return tco[1].length > MAX_TCO_SLUG_LENGTH ? 0 : tco[0].length;
}
