'use client';
/** Where posts come from (fixture replay or the X API) and the state of that connection. */
import type { SourceState } from '@/lib/protocol';
import { formatClock, formatExactCount, formatRate } from '@/lib/client/format';
import { useTrends } from './trends-provider';
import { Skeleton } from './ui/skeleton';

const STATE_STYLE: Record<SourceState['state'], { dot: string; label: string }> = {
  connecting: { dot: 'bg-amber-400', label: 'connecting' },
  live: { dot: 'bg-emerald-500', label: 'streaming' },
  'backing-off': { dot: 'bg-amber-500', label: 'backing off' },
  stopped: { dot: 'bg-zinc-400', label: 'stopped' },
};

export function SourceStatus() {
  const { view } = useTrends();
  if (!view) return <Skeleton className="h-14" />;
  const { source } = view;
  const style = STATE_STYLE[source.connection.state];
  return (
    <div
      data-testid="source-status"
      className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">Source: {source.label}</span>
        <span className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
          <span aria-hidden="true" className={`size-2 rounded-full ${style.dot}`} />
          {style.label}
        </span>
      </div>
      <SourceDetail connection={source.connection} />
      {source.degraded === undefined ? null : (
        <p data-testid="source-degraded" className="text-amber-700 dark:text-amber-300">
          {source.degraded}
        </p>
      )}
      {/* One text node: words after a number that changed width would move, a layout shift. */}
      <p className="text-zinc-500 tabular-nums dark:text-zinc-400">
        {`${formatRate(source.tweetsPerSec)} posts/s · ${formatExactCount(source.reconnects)} reconnects · ${formatExactCount(source.errors)} errors`}
      </p>
    </div>
  );
}

function SourceDetail({ connection }: { connection: SourceState }) {
  if (connection.state === 'backing-off') {
    return (
      <p className="text-amber-700 dark:text-amber-300">
        Backing off until {formatClock(connection.untilMs)} · {connection.reason}
      </p>
    );
  }
  if (connection.state === 'stopped') {
    return <p className="text-zinc-600 dark:text-zinc-400">Stopped: {connection.reason}</p>;
  }
  return null;
}
