/** The `lang` and `originals` query parameters of the trends, trending and series routes. */
import type { ViewFilter } from '@/lib/view-filters';
import { normalizeLanguage } from '@/lib/trends/filters/language-code';
import type { Checked } from './query';
import { json } from './respond';

/**
 * `lang`: a language code as posts carry it (BCP 47 syntax: `pt`, `en`, `zh-tw`, `und`, `qme`…;
 * case does not matter); a code no post in the window carries is valid and counts 0. Anything
 * else is a 400 listing the languages of the window. `originals`: `true` or `false` (default).
 */
export function checkFilter(
  params: URLSearchParams,
  languagesSeen: () => string[],
): Checked<ViewFilter> {
  const filter: ViewFilter = {};
  const lang = params.get('lang');
  if (lang !== null && lang !== '') {
    const code = normalizeLanguage(lang);
    if (code === undefined) {
      const error = 'lang must be a language code like pt, en, zh-tw or und (the seen ones listed)';
      return { ok: false, answer: json(400, { error, valid: languagesSeen() }) };
    }
    filter.lang = code;
  }
  const originals = params.get('originals');
  if (originals === 'true') filter.originalsOnly = true;
  else if (originals !== null && originals !== '' && originals !== 'false') {
    return {
      ok: false,
      answer: json(400, { error: 'originals must be true or false', valid: ['true', 'false'] }),
    };
  }
  return { ok: true, value: filter };
}

/** The filter as answers echo it. */
export function filterFields(filter: ViewFilter): { lang: string | null; originals: boolean } {
  return { lang: filter.lang ?? null, originals: filter.originalsOnly === true };
}
