/**
 * "12 s ago", "3 min ago", "2 h ago", "4 d ago": how long before `nowMs` a post was written.
 * The dashboard measures against the latest batch time, the stream's clock, so a replayed
 * fixture reads as it did live. A time after `nowMs` (clock skew) reads "just now".
 */
export function timeAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.floor((nowMs - thenMs) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** The exact time for a tooltip, e.g. `2026-11-26 12:00:05 UTC`. */
export function exactTime(epochMs: number): string {
  return `${new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}
