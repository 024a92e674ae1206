'use client';
/** The socket's state as a coloured dot and a word, and the time of the batch on screen. */
import type { ConnectionState } from '@/lib/client/stream-reducer';
import { formatClock, formatDurationMs } from '@/lib/client/format';
import { stalledForMs } from '@/lib/client/staleness';
import { useHydrated } from '@/lib/client/use-hydrated';
import { useNow } from '@/lib/client/use-now';
import { useTrends } from './trends-provider';

/** `stalled`: connected, but no update for a while (see lib/client/staleness.ts). */
type ShownConnection = ConnectionState | 'stalled';

const CONNECTION_STYLE: Record<ShownConnection, { dot: string; label: string }> = {
  connecting: { dot: 'bg-amber-400 animate-pulse', label: 'Connecting…' },
  live: { dot: 'bg-emerald-500', label: 'Live' },
  stalled: { dot: 'bg-amber-500', label: 'Stalled' },
  reconnecting: { dot: 'bg-amber-500 animate-pulse', label: 'Reconnecting…' },
  offline: { dot: 'bg-rose-500', label: 'Offline' },
};

const WIDEST_LABEL = CONNECTION_STYLE.reconnecting.label;

export function ConnectionStatus() {
  const { connection, lastMessageAtMs, latest } = useTrends();
  // Silence is expected when the source has stopped (e.g. a replay without loop ended): the
  // source panel says why. Otherwise a connected page without updates is stalled.
  const watchSilence = connection === 'live' && latest?.source.connection.state === 'live';
  const nowMs = useNow(1000, watchSilence);
  const silentMs = watchSilence
    ? stalledForMs(lastMessageAtMs, nowMs, latest.stats.batchIntervalMs)
    : null;
  const shown: ShownConnection = silentMs === null ? connection : 'stalled';
  const style = CONNECTION_STYLE[shown];
  return (
    <span
      role="status"
      data-testid="connection"
      data-state={shown}
      className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium dark:border-zinc-700 dark:bg-zinc-900"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${style.dot}`} />
      {/* As wide as the widest state's word whatever the state: the pause and theme buttons
          beside it stay put when the page goes live ("Connecting…" to "Live" at every load). */}
      <span className="grid">
        <span aria-hidden="true" className="invisible [grid-area:1/1]">
          {WIDEST_LABEL}
        </span>
        <span className="[grid-area:1/1]">{style.label}</span>
      </span>
      {silentMs === null ? null : (
        <span className="font-normal text-zinc-500 dark:text-zinc-400">
          · no update for {formatDurationMs(Math.round(silentMs / 1000) * 1000)}
        </span>
      )}
    </span>
  );
}

/** "Batch 12:00:05", or while paused the frozen batch and how far the stream has gone since. */
export function BatchClock() {
  const { view, latest, paused } = useTrends();
  const hydrated = useHydrated();
  if (view?.batchTime == null) {
    return <span className="text-xs text-zinc-500 dark:text-zinc-400">No batch yet</span>;
  }
  // In the browser's time zone, which the server does not know: blank until hydrated, in the
  // width of a time (digits as wide as each other), so that nothing beside it moves then.
  return (
    <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
      {paused ? 'Paused at ' : 'Batch '}
      <time
        data-testid="batch-time"
        dateTime={new Date(view.batchTime).toISOString()}
        className={hydrated ? undefined : 'invisible'}
      >
        {hydrated ? formatClock(view.batchTime) : '00:00:00'}
      </time>
      {paused && latest?.batchTime != null && latest.batchTime !== view.batchTime
        ? ` · live ${formatClock(latest.batchTime)}`
        : null}
    </span>
  );
}
