/**
 * The dashboard's filters (language, original posts only), shared by the HTTP API
 * (`?lang=pt&originals=true`), the socket (`filter` event) and the dashboard's URL state.
 */

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
