/**
 * The hashtag regexes of twitter-text (`validHashtag`, `endHashtagMatch`), written with Unicode
 * property escapes instead of twitter-text's generated tables. twitter-text's tables are letters
 * and marks (`\p{L}\p{M}`) and decimal digits (`\p{Nd}`); the property escapes follow the Unicode
 * version of the running engine, so a letter added after twitter-text's tables counts here too.
 */

/** Characters that may sit inside a hashtag besides letters, marks and digits (twitter-text's list). */
const SPECIAL_CHARS =
  '_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7';

const ALPHA = '[\\p{L}\\p{M}]';
const ALPHA_NUMERIC = `[\\p{L}\\p{M}\\p{Nd}${SPECIAL_CHARS}]`;

/**
 * What may precede the hash sign (consumed, as in twitter-text): start of text, a variation
 * selector (so an emoji such as `✌️#tag` still starts a hashtag), or any code point that is not
 * hashtag text and not `&` (so `&#39;` entities and `abc#tag` are not hashtags).
 */
const BOUNDARY = `(?:^|\\ufe0e|\\ufe0f|(?!${ALPHA_NUMERIC}|&)[^])`;

/**
 * Groups: 1 = boundary, 2 = hashtag text. The hash sign is not followed by a variation selector
 * or the keycap mark (`#️⃣` is an emoji), and the text holds at least one letter or mark.
 */
export const VALID_HASHTAG = new RegExp(
  // ZWNJ and ZWJ stand alone in the character class: each is a hashtag character by itself.
  // eslint-disable-next-line no-misleading-character-class
  `(${BOUNDARY})[#\\uff03](?!\\ufe0f|\\u20e3)(${ALPHA_NUMERIC}*${ALPHA}${ALPHA_NUMERIC}*)`,
  'gu',
);

/** A candidate followed by another hash sign or by `://` (`#http://…`) is no hashtag. */
export const END_HASHTAG = /^(?:[#\uff03]|:\/\/)/u;
