/** `GET /api/trends/:tag/history?range=1h|6h|24h`: a tag's per-minute counts. */
import type { TagHistory } from '@/lib/trends/history/tag-history';
import { MINUTE_MS } from '@/lib/trends/history/tag-history';
import type { TrendStore } from '@/server/ingestion/trend-store';
import { checkTag } from './query';
import type { RouteAnswer } from './respond';
import { json } from './respond';

export const HISTORY_RANGES = { '1h': 60, '6h': 360, '24h': 1440 } as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

export interface HistoryRouteDeps {
  store: TrendStore;
  /** The current history (the pipeline's, or the ingesting instance's as shared); undefined before any. */
  history(): TagHistory | Promise<TagHistory | undefined>;
}

/**
 * One point per minute over the range, ending with the latest batch's minute (partial), oldest
 * first: `count` with `state: 'counted'` (zeros included), or `count: null` with the reason
 * (`before-start`, `down`, `untracked`). Before the first batch every minute is `before-start`.
 */
export async function historyRoute(
  deps: HistoryRouteDeps,
  encodedTag: string,
  params: URLSearchParams,
  nowMs: number,
): Promise<RouteAnswer> {
  const range = params.get('range') ?? '1h';
  if (!Object.hasOwn(HISTORY_RANGES, range)) {
    return json(400, { error: 'unknown range', valid: Object.keys(HISTORY_RANGES) });
  }
  const tag = checkTag(encodedTag);
  if (!tag.ok) return tag.answer;
  const { text, key } = tag.value;
  let history: TagHistory | undefined;
  try {
    history = await deps.history();
  } catch {
    return json(503, { error: 'the history cannot be read from redis now; try again' });
  }
  if (history === undefined) {
    return json(503, { error: 'the ingesting instance has not shared its history yet' });
  }
  const minutes = HISTORY_RANGES[range as HistoryRange];
  const toMinute = history.latestMinute ?? Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  const fromMinute = toMinute - (minutes - 1) * MINUTE_MS;
  return json(200, {
    tag: deps.store.spelling(key) ?? text.replace(/^[#＃]/, ''),
    key,
    range,
    minuteMs: MINUTE_MS,
    points: history.minutesOf(key, fromMinute, toMinute),
  });
}
