'use client';
/**
 * Engine figures in the manner of Spark's Streaming tab: input rate, processing time,
 * scheduling and total delay (with sparklines of the recent updates), and the counters.
 */
import { formatDurationMs, formatExactCount, formatRate } from '@/lib/client/format';
import { tabularShape } from '@/lib/client/tabular-shape';
import type { StatsSample } from '@/lib/client/dashboard-state';
import { Sparkline } from './charts/sparkline';
import { useTrends } from './trends-provider';
import { Skeleton } from './ui/skeleton';

export function EngineStatsPanel() {
  const { view } = useTrends();
  if (!view) return <Skeleton className="h-40" />;
  const { stats, statsHistory, source } = view;
  // The engine counts on the stream's clock; a replay faster than real time shows it slower
  // than the source's wall-clock rate, so say which clock it is.
  const replayed = source.kind === 'fixture' && source.speed !== 1;
  const behind = stats.lastTotalDelayMs > stats.batchIntervalMs;
  const history = (pick: (sample: StatsSample) => number) => statsHistory.map(pick);
  return (
    <div className="@container flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 @2xl:grid-cols-4">
        <Figure
          term="Input rate"
          value={`${formatRate(stats.inputRatePerSec)}/s`}
          trend={history((sample) => sample.inputRatePerSec)}
          note={replayed ? 'per second of stream time' : undefined}
        />
        <Figure
          term="Processing time"
          value={formatDurationMs(stats.lastProcessingMs)}
          trend={history((sample) => sample.processingMs)}
        />
        <Figure term="Scheduling delay" value={formatDurationMs(stats.lastSchedulingDelayMs)} />
        <Figure
          term="Total delay"
          value={formatDurationMs(stats.lastTotalDelayMs)}
          trend={history((sample) => sample.totalDelayMs)}
          note={behind ? 'behind: longer than a batch' : undefined}
          tone={behind ? 'warn' : 'plain'}
        />
      </dl>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 border-t border-zinc-200 pt-3 text-xs @md:grid-cols-3 @2xl:grid-cols-4 dark:border-zinc-800">
        <Counter term="Batches" value={stats.batches} />
        <Counter term="Posts in" value={stats.tweetsIngested} />
        <Counter term="Batch interval" text={formatDurationMs(stats.batchIntervalMs)} />
        <Counter term="Dropped" value={stats.droppedTweets} warnAbove={0} />
        <Counter term="Bad lines" value={stats.badLines} warnAbove={0} />
        <Counter term="Duplicates" value={stats.duplicateTweets} />
        <Counter term="Failed batches" value={stats.failedBatches} warnAbove={0} />
      </dl>
    </div>
  );
}

const NOTE_TONE = {
  plain: 'text-zinc-500 dark:text-zinc-400',
  warn: 'text-amber-700 dark:text-amber-300',
} as const;

const FIGURE_TONE = {
  plain: 'text-zinc-900 dark:text-zinc-50',
  warn: 'text-amber-700 dark:text-amber-300',
} as const;

function Figure({
  term,
  value,
  trend,
  note,
  tone = 'plain',
}: {
  term: string;
  value: string;
  trend?: readonly number[];
  note?: string;
  tone?: keyof typeof FIGURE_TONE;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="flex items-end justify-between gap-2">
        <span className={`text-lg font-semibold tabular-nums ${FIGURE_TONE[tone]}`}>{value}</span>
        {trend ? (
          <Sparkline values={trend} widthPx={64} heightPx={22} className="text-sky-500" />
        ) : null}
      </dd>
      {note ? <dd className={`text-xs ${NOTE_TONE[tone]}`}>{note}</dd> : null}
    </div>
  );
}

function Counter({
  term,
  value,
  text,
  warnAbove,
}: {
  term: string;
  value?: number;
  text?: string;
  /** Counts above this read as a warning (amber). */
  warnAbove?: number;
}) {
  const warn = value !== undefined && warnAbove !== undefined && value > warnAbove;
  const shown = text ?? formatExactCount(value ?? 0);
  return (
    <div className="flex items-baseline justify-between gap-2">
      <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
      {/* End-aligned: a new element when its width may change, which moves no kept box. */}
      <dd
        key={tabularShape(shown)}
        className={`font-medium tabular-nums ${warn ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-900 dark:text-zinc-100'}`}
      >
        {shown}
      </dd>
    </div>
  );
}
