/**
 * A value shown at most once per `holdMs`: the newest one that arrived during the hold shows when
 * it ends, the ones between are never shown. A new `key` (another tag, another filter) shows at
 * once. Pure: the caller gives the time (`use-held-value.ts` in the page, a driven clock in tests).
 */

export interface Held<T> {
  value: T;
  /** What the value is of: a value of another key is shown at once. */
  key: string;
  /** When `value` was first shown. */
  sinceMs: number;
}

export type HeldStep =
  /** The incoming value is the one shown. */
  | { kind: 'keep' }
  /** Show the incoming value now. */
  | { kind: 'show' }
  /** Show the newest value in `waitMs`. */
  | { kind: 'wait'; waitMs: number };

export function heldStep<T>(
  held: Held<T>,
  incoming: T,
  key: string,
  nowMs: number,
  holdMs: number,
): HeldStep {
  if (key !== held.key) return { kind: 'show' };
  if (Object.is(incoming, held.value)) return { kind: 'keep' };
  const waitMs = held.sinceMs + holdMs - nowMs;
  return waitMs <= 0 ? { kind: 'show' } : { kind: 'wait', waitMs };
}

/**
 * The held items, in the held order, each in its newest version where `newest` still has it
 * (by `id`): a held list of posts keeps which posts it shows and their order, while their
 * figures (reposts, an author's name come in) stay live.
 */
export function withNewestById<T extends { id: string }>(
  held: readonly T[],
  newest: readonly T[],
): T[] {
  const byId = new Map(newest.map((item) => [item.id, item]));
  return held.map((item) => byId.get(item.id) ?? item);
}
