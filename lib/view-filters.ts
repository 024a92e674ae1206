/**
 * The dashboard's filters (language, original posts only), shared by the HTTP API
 * (`?lang=pt&originals=true`), the socket (`filter` event) and the dashboard's URL state.
 */

import { normalizeLanguage } from './trends/filters/language-code';

export interface ViewFilter {
  /** A post's `lang` code, e.g. `pt`; absent for every language. */
  lang?: string;
  /** True: retweets are left out of the counts. */
  originalsOnly?: boolean;
}

/** `GET /api/languages?window=5m`: the languages seen in the window, most posts first. */
export interface LanguagesAnswer {
  window: string;
  windowMs: number;
  batchTime: number | null;
  languages: { lang: string; posts: number }[];
}

export const NO_FILTER: ViewFilter = {};

/** True when the filter narrows nothing. */
export function isUnfiltered(filter: ViewFilter): boolean {
  return filter.lang === undefined && !filter.originalsOnly;
}

/**
 * A filter as sent by a client (the socket's `filter` event), checked: `lang` a language code
 * (BCP 47 syntax, kept in lower case; `und` for posts without one), `originalsOnly` a boolean.
 * Undefined when the payload is not such a filter.
 */
export function parseViewFilter(payload: unknown): ViewFilter | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { lang, originalsOnly } = payload as Record<string, unknown>;
  const filter: ViewFilter = {};
  if (lang !== undefined && lang !== null) {
    const code = normalizeLanguage(lang);
    if (code === undefined) return undefined;
    filter.lang = code;
  }
  if (originalsOnly !== undefined && originalsOnly !== null) {
    if (typeof originalsOnly !== 'boolean') return undefined;
    if (originalsOnly) filter.originalsOnly = true;
  }
  return filter;
}
