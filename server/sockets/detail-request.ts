import type { WindowSpec } from '../config';
import { toTagKey } from './watch-keys';

/** An open tag detail: its key and the window of its related tags. */
export interface DetailSubscription {
  key: string;
  window: WindowSpec;
}

/**
 * A `detail` event's payload: `null` closes the detail; `{ key, window? }` opens one (the key
 * normalised like `watch`'s; a window that is not configured means the default one). Anything
 * else is undefined, to be ignored: clients are untrusted and nothing here throws.
 */
export function parseDetailRequest(
  payload: unknown,
  windows: readonly WindowSpec[],
  defaultWindow: WindowSpec,
): DetailSubscription | null | undefined {
  if (payload === null) return null;
  if (typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const { key, window } = payload as { key?: unknown; window?: unknown };
  if (typeof key !== 'string') return undefined;
  const tagKey = toTagKey(key);
  if (tagKey === undefined) return undefined;
  const found = typeof window === 'string' ? windows.find((w) => w.label === window) : undefined;
  return { key: tagKey, window: found ?? defaultWindow };
}
