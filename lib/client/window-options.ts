/**
 * The windows the server computes, as the window selector offers them, kept as the same array
 * while their labels and lengths are the same: the key is compared, not the batch's new objects.
 */
import type { DashboardState } from './dashboard-state';

/** A window the server computes, as the window selector offers it. */
export interface WindowOption {
  label: string;
  windowMs: number;
}

/** The windows' labels and lengths as one string: equal while the offered windows are. */
export function windowOptionsKey(view: DashboardState | null): string {
  return JSON.stringify((view?.windows ?? []).map((window) => [window.label, window.windowMs]));
}

export function windowOptionsOf(key: string): WindowOption[] {
  const pairs = JSON.parse(key) as [string, number][];
  return pairs.map(([label, windowMs]) => ({ label, windowMs }));
}
