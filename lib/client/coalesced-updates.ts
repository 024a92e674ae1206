/**
 * Gathers the state updates that socket messages bring close together into one render. The
 * server sends a batch's messages back to back (the shared update, the watched tags' extra
 * points, the open tag detail), each in its own WebSocket frame, which the browser hands over in
 * separate tasks: set one by one, each would be rendered, restyled and laid out on its own.
 * Updates pushed within `windowMs` of the first are applied together, in order, in one
 * transition (so React renders them once, in slices, and input still comes first).
 */
export interface CoalescedUpdates {
  /** Runs `update` (which sets state) with those pushed in the same window. */
  push(update: () => void): void;
  /** Drops the updates not applied yet (the socket is closing). */
  cancel(): void;
}

/** Long enough for a batch's messages sent back to back, short enough to go unnoticed. */
export const COALESCE_WINDOW_MS = 25;

export function coalescedUpdates(
  apply: (updates: () => void) => void,
  windowMs: number = COALESCE_WINDOW_MS,
): CoalescedUpdates {
  let pending: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const updates = pending;
    pending = [];
    apply(() => {
      for (const update of updates) update();
    });
  };
  return {
    push(update) {
      pending.push(update);
      timer ??= setTimeout(flush, windowMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
