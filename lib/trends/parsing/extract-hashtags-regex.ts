/**
 * The pieces of twitter-text's hashtag regex (`validHashtag`, `endHashtagMatch`), written with
 * Unicode property escapes instead of twitter-text's generated tables. twitter-text's tables are
 * letters and marks (`\p{L}\p{M}`) and decimal digits (`\p{Nd}`); the property escapes follow the
 * Unicode version of the running engine, so a letter added after twitter-text's tables counts
 * here too. `extractHashtags` runs them only at hash signs, instead of one regex over the text.
 */

/** Characters that may sit inside a hashtag besides letters, marks and digits (twitter-text's list). */
const SPECIAL_CHARS =
  '_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7';

/** Source of the class of letters and marks; a hashtag holds at least one. */
export const ALPHA = '[\\p{L}\\p{M}]';
/** Source of the class of hashtag characters. */
// ZWNJ and ZWJ stand alone in these classes: each is a hashtag character by itself.
export const ALPHA_NUMERIC = `[\\p{L}\\p{M}\\p{Nd}${SPECIAL_CHARS}]`;

/**
 * Sticky, at the code point before a hash sign: a match means that code point is no hashtag
 * boundary (hashtag text or `&`, so `abc#tag` and `&#39;` are not hashtags). Variation selectors
 * are marks but are boundaries all the same (`✌️#tag`); the caller checks them first.
 */
// eslint-disable-next-line no-misleading-character-class
export const NOT_BOUNDARY = new RegExp(`${ALPHA_NUMERIC}|&`, 'uy');

/**
 * Sticky, right after a hash sign: the hashtag text, the longest run of hashtag characters that
 * holds a letter or mark, not starting with a variation selector or the keycap mark (`#️⃣`).
 */
export const HASHTAG_TEXT = new RegExp(
  // eslint-disable-next-line no-misleading-character-class
  `(?!\\ufe0f|\\u20e3)${ALPHA_NUMERIC}*${ALPHA}${ALPHA_NUMERIC}*`,
  'uy',
);

/** A candidate followed by another hash sign or by `://` (`#http://…`) is no hashtag. */
export const END_HASHTAG = /^(?:[#\uff03]|:\/\/)/u;
