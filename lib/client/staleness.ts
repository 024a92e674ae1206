/**
 * When a connected dashboard stops receiving updates (the engine or the source stalled), the
 * header says so instead of a reassuring "Live".
 */

/** No update for this many batch intervals (and at least `MIN_STALE_MS`) reads as stalled. */
export const STALE_AFTER_BATCHES = 5;
export const MIN_STALE_MS = 10_000;

/** How long the stream has been silent, in ms, when that counts as stalled; else null. */
export function stalledForMs(
  lastMessageAtMs: number | null,
  nowMs: number,
  batchIntervalMs: number,
): number | null {
  if (lastMessageAtMs === null) return null;
  const silentMs = nowMs - lastMessageAtMs;
  const limitMs = Math.max(MIN_STALE_MS, STALE_AFTER_BATCHES * batchIntervalMs);
  return silentMs > limitMs ? silentMs : null;
}
