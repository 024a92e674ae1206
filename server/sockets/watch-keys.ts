import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import { hashtagKey } from '@/lib/trends/parsing/hashtag-key';

/** Longest hashtag key accepted from a client (X caps a post at 280 characters). */
export const MAX_TAG_LENGTH = 140;

/**
 * The keys of a `watch` event, normalised (`#` dropped, NFKC, lower case) and de-duplicated, or
 * undefined when the payload is not an array of at most `MAX_WATCHED_TAGS` non-empty strings of
 * at most `MAX_TAG_LENGTH` characters. Clients are untrusted: nothing here throws.
 */
export function parseWatchKeys(payload: unknown): string[] | undefined {
  if (!Array.isArray(payload) || payload.length > MAX_WATCHED_TAGS) return undefined;
  const keys: string[] = [];
  for (const item of payload) {
    if (typeof item !== 'string') return undefined;
    const key = toTagKey(item);
    if (key === undefined) return undefined;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A tag as typed or sent (with or without `#`, any case or width) → its counting key. */
export function toTagKey(text: string): string | undefined {
  if (text.length === 0 || text.length > MAX_TAG_LENGTH + 1) return undefined;
  const key = hashtagKey(text).replace(/^#/, '');
  return key.length === 0 || key.length > MAX_TAG_LENGTH ? undefined : key;
}
