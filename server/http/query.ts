/** Validation of query parameters: a bad value is a 400 naming what is accepted. */
import type { RouteAnswer } from './respond';
import { json } from './respond';
import { MAX_TAG_LENGTH, toTagKey } from '@/server/sockets/watch-keys';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

export type Checked<T> = { ok: true; value: T } | { ok: false; answer: RouteAnswer };

/** `limit`: an integer 1–`max` (default 100), default 20. */
export function checkLimit(params: URLSearchParams, max = MAX_LIMIT): Checked<number> {
  const text = params.get('limit');
  if (text === null || text === '') return { ok: true, value: Math.min(DEFAULT_LIMIT, max) };
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (value >= 1 && value <= max) return { ok: true, value };
  return {
    ok: false,
    answer: json(400, {
      error: `limit must be an integer from 1 to ${max}`,
      valid: [`1-${max}`],
    }),
  };
}

/** `window`: one of the configured labels, default `fallback`. */
export function checkWindow<W extends { label: string }>(
  params: URLSearchParams,
  windows: readonly W[],
  fallback: W,
): Checked<W> {
  const label = params.get('window');
  if (label === null || label === '') return { ok: true, value: fallback };
  const found = windows.find((window) => window.label === label);
  if (found) return { ok: true, value: found };
  return {
    ok: false,
    answer: json(400, { error: 'unknown window', valid: windows.map((window) => window.label) }),
  };
}

/** A tag in the path (percent-encoded, `#` optional): its text as given and its key. */
export function checkTag(encodedTag: string): Checked<{ text: string; key: string }> {
  let text: string;
  try {
    text = decodeURIComponent(encodedTag);
  } catch {
    return { ok: false, answer: json(400, { error: 'tag is not valid percent-encoded UTF-8' }) };
  }
  const key = toTagKey(text);
  if (key !== undefined) return { ok: true, value: { text, key } };
  return {
    ok: false,
    answer: json(400, { error: `tag must be 1 to ${MAX_TAG_LENGTH} characters, # optional` }),
  };
}
