/**
 * "Notify me" on a tag: an alert fires when the tag enters the trending list, or when its count
 * in the shortest window crosses the threshold the person set (from below). The first state seen
 * after the page opens (or after an alert is set) is the baseline: what is true already fires
 * nothing. The alerts live in `localStorage`; everything here is pure.
 *
 * The count is known while the tag is in the trending or cooling list or in the shortest window's
 * top list as the socket sends it (`SOCKET_TOP_TAGS`); outside those it reads 0.
 */
import type { DashboardState } from './dashboard-state';

export interface TagAlert {
  key: string;
  tag: string;
  /** Posts in the shortest window; null: only on entering the trending list. */
  threshold: number | null;
}

export interface AlertFiring {
  key: string;
  tag: string;
  reason: 'trending' | 'threshold';
  /** What the notification says, e.g. `#WorldCup is trending`. */
  message: string;
  batchTime: number;
}

/** Per alerted key: whether it was trending and at or above its threshold in the last state. */
export type AlertMemory = ReadonlyMap<string, { trending: boolean; above: boolean }>;

export const ALERTS_STORAGE_KEY = 'tagstream:alerts';
export const MAX_TAG_ALERTS = 50;

export function checkAlerts(
  alerts: readonly TagAlert[],
  memory: AlertMemory,
  state: DashboardState,
): { firings: AlertFiring[]; memory: AlertMemory } {
  const next = new Map<string, { trending: boolean; above: boolean }>();
  const firings: AlertFiring[] = [];
  if (state.batchTime === null) return { firings, memory };
  const trending = new Set(state.trending.map((tag) => tag.key));
  for (const alert of alerts) {
    const count = shortestWindowCount(state, alert.key);
    const now = {
      trending: trending.has(alert.key),
      above: alert.threshold !== null && count >= alert.threshold,
    };
    const before = memory.get(alert.key);
    next.set(alert.key, now);
    if (!before) continue;
    const fire = (reason: AlertFiring['reason'], message: string) =>
      firings.push({
        key: alert.key,
        tag: alert.tag,
        reason,
        message,
        batchTime: state.batchTime!,
      });
    if (now.trending && !before.trending) fire('trending', `#${alert.tag} is trending`);
    if (now.above && !before.above) {
      fire(
        'threshold',
        `#${alert.tag} reached ${count} posts (your threshold: ${alert.threshold})`,
      );
    }
  }
  return { firings, memory: next };
}

/** The tag's count in the shortest window, from what the state holds (0 when not held). */
export function shortestWindowCount(state: DashboardState, key: string): number {
  const listed = [...state.trending, ...state.cooling].find((tag) => tag.key === key);
  if (listed) return listed.count;
  const shortest = [...state.windows].sort((a, b) => a.windowMs - b.windowMs)[0];
  return shortest?.top.find((tag) => tag.key === key)?.count ?? 0;
}

/** Sets (or replaces) the alert of a tag. */
export function setAlert(alerts: readonly TagAlert[], alert: TagAlert): TagAlert[] {
  const others = alerts.filter((existing) => existing.key !== alert.key);
  return [...others, alert].slice(-MAX_TAG_ALERTS);
}

export function removeAlert(alerts: readonly TagAlert[], key: string): TagAlert[] {
  return alerts.filter((alert) => alert.key !== key);
}

/** The stored alerts; entries that are not `{ key, tag, threshold }` are dropped. */
export function parseTagAlerts(stored: string | null): TagAlert[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { key, tag, threshold } = entry as Record<string, unknown>;
      if (typeof key !== 'string' || !key || typeof tag !== 'string') return [];
      const valid = typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 0;
      return [{ key, tag, threshold: valid ? threshold : null }];
    });
  } catch {
    return [];
  }
}
