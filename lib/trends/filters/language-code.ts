/**
 * Language codes as X sends them in a post's `lang`: BCP 47 tags, mostly ISO 639-1 (`pt`, `en`),
 * some longer (`zh-tw` style), and X's own (`und` undetermined, `qme` media only, `zxx` no
 * text, `qht` hashtags only, `qam` mentions only, `art`, the old `in` and `iw`). All of them fit
 * one syntax, which is what "valid" means here: a code of that syntax that no post carried in a
 * window is not an error, it just counts 0.
 */

/** A primary subtag of 2 or 3 letters, then subtags of 1 to 8 letters or digits. */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,4}$/i;

/** The code of posts without a usable `lang` (X's own "undetermined"). */
export const UNDETERMINED_LANGUAGE = 'und';

/** What a post or a filter names: the code in lower case, or undefined when it is not one. */
export function normalizeLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string' || !LANGUAGE_CODE.test(value)) return undefined;
  return value.toLowerCase();
}
