/**
 * The view in the address bar: `/?window=15m&tags=worldcup,f1&unit=batch&lang=pt&originals=true
 * &tag=worldcup`. Parsed once when the page opens and written back (with `history.replaceState`)
 * whenever the view changes, so a copied or reloaded address restores exactly that view.
 * Parameters that do not parse are ignored one by one; the rest of the view still applies.
 */
import { MAX_WATCHED_TAGS } from '@/lib/protocol';

export type ChartUnit = 'rolling' | 'batch';

export interface ViewUrlState {
  /** Window label of the top list, e.g. `15m`; absent: the default. */
  window?: string;
  /** Counting keys drawn on the chart over time, in order; absent: the default top three. */
  tags?: string[];
  unit?: ChartUnit;
  lang?: string;
  originalsOnly?: boolean;
  /** Counting key of the tag whose detail is open. */
  detail?: string;
}

/** The window shown first when the address names none (and the server offers it). */
export const DEFAULT_WINDOW_LABEL = '5m';

/** Parameter names, in the order they are written. */
export const VIEW_PARAMS = ['window', 'tags', 'unit', 'lang', 'originals', 'tag'] as const;

const WINDOW_LABEL = /^\d{1,6}(ms|s|m|h|d)$/;
const LANG_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const MAX_KEY_LENGTH = 280;

export function parseViewUrl(search: string): ViewUrlState {
  const params = new URLSearchParams(search);
  const state: ViewUrlState = {};
  const window = params.get('window');
  if (window !== null && WINDOW_LABEL.test(window)) state.window = window;
  const tags = params.get('tags');
  if (tags !== null) state.tags = parseTagList(tags);
  const unit = params.get('unit');
  if (unit === 'rolling' || unit === 'batch') state.unit = unit;
  const lang = params.get('lang');
  if (lang !== null && LANG_CODE.test(lang)) state.lang = lang;
  const originals = params.get('originals');
  if (originals === 'true' || originals === '1') state.originalsOnly = true;
  const detail = params.get('tag');
  if (detail !== null && validKey(detail)) state.detail = detail;
  return state;
}

/**
 * The query string (with its `?`, or empty) for a view. Parameters of the current address that
 * are not the view's (e.g. a campaign tag) are kept after the view's.
 */
export function serialiseViewUrl(state: ViewUrlState, currentSearch = ''): string {
  const params = new URLSearchParams();
  if (state.window) params.set('window', state.window);
  if (state.tags) params.set('tags', state.tags.join(','));
  if (state.unit) params.set('unit', state.unit);
  if (state.lang) params.set('lang', state.lang);
  if (state.originalsOnly) params.set('originals', 'true');
  if (state.detail) params.set('tag', state.detail);
  for (const [name, value] of new URLSearchParams(currentSearch)) {
    if (!(VIEW_PARAMS as readonly string[]).includes(name)) params.append(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Keys are separated by commas; a hashtag holds no comma (it ends a hashtag), so none is
 * escaped. Empty, overlong and repeated keys are dropped; at most `MAX_WATCHED_TAGS` are kept.
 */
function parseTagList(value: string): string[] {
  const keys: string[] = [];
  for (const key of value.split(',')) {
    if (!validKey(key) || keys.includes(key)) continue;
    keys.push(key);
    if (keys.length === MAX_WATCHED_TAGS) break;
  }
  return keys;
}

function validKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_LENGTH && !/[\s,#]/.test(key);
}
