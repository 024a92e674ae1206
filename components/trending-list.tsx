'use client';
/**
 * "Trending now": only what rises now, strongest first, each with why in words ("4.1× its usual
 * rate, 83 people in the last minute"); "Nothing is trending right now" rather than padding. Tags
 * past their peak move to a separate "Cooling down" list; while the job learns the tags' usual
 * rates, a note says how long that takes. A row opens the tag's detail.
 */
import { memo } from 'react';
import type { TrendingTag } from '@/lib/trends/types';
import {
  formatCount,
  formatExactCount,
  formatRankChange,
  formatWindowMs,
} from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import { trendReason, warmUpLeft } from '@/lib/client/trend-reason';
import { useFocusFollowsRow } from './charts/use-focus-follows-row';
import { useTrends } from './trends-provider';
import { EndAlignedText } from './ui/end-aligned-text';
import { EmptyState, SkeletonRows } from './ui/skeleton';
import { RisingIcon } from './ui/icons';

/** How many rising tags to list; the cooling list shows at most `COOLING_ROWS`. */
export const TRENDING_ROWS = 20;
export const COOLING_ROWS = 5;

export function TrendingList() {
  const { view, watched, openTag } = useTrends();
  const risingFocus = useFocusFollowsRow<HTMLOListElement>();
  const coolingFocus = useFocusFollowsRow<HTMLOListElement>();
  if (!view) return <SkeletonRows rows={10} />;
  if (view.batchTime === null) {
    return <EmptyState title="Waiting for the first batch" />;
  }
  const windowMs = shortestWindowMs(view.windows) ?? 60_000;
  const slotByKey = new Map(watched.map((tag) => [tag.key, tag.colorSlot]));
  const rows = (tags: TrendingTag[], ranked: boolean) =>
    tags.map((tag, position) => (
      // Keyed by place: a re-ranking changes what each row shows, it moves no row (see
      // HorizontalBarChart); focus follows its tag.
      <li key={position}>
        <TrendingRow
          tagKey={tag.key}
          tagText={tag.tag}
          rank={ranked ? position + 1 : null}
          reason={trendReason(tag, windowMs)}
          title={scoreTitle(tag)}
          direction={tag.direction}
          rankChange={tag.rankChange}
          count={tag.count}
          colorSlot={slotByKey.get(tag.key)}
          onOpen={openTag}
        />
      </li>
    ));
  const rising = view.trending.slice(0, TRENDING_ROWS);
  const cooling = view.cooling.slice(0, COOLING_ROWS);
  return (
    <div className="flex flex-col gap-3 xl:min-h-0 xl:flex-1 xl:overflow-y-auto">
      {view.trendWarmUpEndsMs !== null ? (
        <p
          data-testid="trend-warm-up"
          role="status"
          className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {/* One text node, so that the words after the time left do not move when it changes. */}
          {`Warming up: learning each tag's usual rate. Tags that were already busy can trend in ` +
            `${warmUpLeft(view.trendWarmUpEndsMs, view.batchTime)}; new tags already can.`}
        </p>
      ) : null}
      {rising.length ? (
        <ol {...risingFocus} data-testid="trending" className="-mx-2 flex flex-col">
          {rows(rising, true)}
        </ol>
      ) : (
        <EmptyState
          title="Nothing is trending right now"
          detail="A tag trends when many people post it much faster than usual."
        />
      )}
      {cooling.length ? (
        <section aria-labelledby="cooling-title" className="flex flex-col gap-1">
          <h3
            id="cooling-title"
            className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            Cooling down
          </h3>
          <ol {...coolingFocus} data-testid="cooling" className="-mx-2 flex flex-col opacity-80">
            {rows(cooling, false)}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function scoreTitle(tag: TrendingTag): string {
  return `Score ${tag.score.toFixed(1)} · ${tag.originals} original posts · ${tag.fastRatePerMin.toFixed(1)}/min now, usually ${tag.usualRatePerMin.toFixed(1)}/min`;
}

interface TrendingRowProps extends Pick<TrendingTag, 'direction' | 'rankChange' | 'count'> {
  tagKey: string;
  tagText: string;
  /** Place in "Trending now"; null in "Cooling down". */
  rank: number | null;
  reason: string;
  title: string;
  colorSlot: number | undefined;
  onOpen: (tag: { key: string; tag: string }) => void;
}

/**
 * Plain values only: a row whose shown text is unchanged is not re-rendered by an update. Its
 * height is fixed (two lines) and its layout and paint contained, so a changed count or reason
 * re-lays out this row only, not the lists and the page around it. Its columns have fixed widths
 * and each changing text fills a box of its own, so a new count, phase or rank change moves no
 * box: a live page would count each such move as a layout shift.
 */
const TrendingRow = memo(function TrendingRow(props: TrendingRowProps) {
  const { tagKey, tagText, rank, reason, colorSlot, onOpen, count } = props;
  const selected = colorSlot !== undefined;
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      data-row-id={tagKey}
      onClick={() => onOpen({ key: tagKey, tag: tagText })}
      title={props.title}
      className="relative grid h-12 w-full grid-cols-[1.75rem_minmax(0,1fr)_4.75rem_3.5rem] items-center gap-x-2 rounded-lg px-2 text-left text-sm [contain:strict] hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
    >
      <span className="text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {rank ?? ''}
      </span>
      <span className="flex min-w-0 flex-col">
        <span className="flex min-w-0 items-center gap-1.5">
          {selected ? (
            <span
              aria-hidden="true"
              className={`size-2 shrink-0 rounded-full ${seriesColor(colorSlot).swatchClass}`}
            />
          ) : null}
          <span className={`truncate ${selected ? 'font-semibold' : 'font-medium'}`}>
            #{tagText}
          </span>
        </span>
        <span
          data-testid="trend-reason"
          className="overflow-hidden text-xs text-ellipsis whitespace-nowrap text-zinc-600 dark:text-zinc-400"
        >
          {reason}
        </span>
      </span>
      <PhaseBadge direction={props.direction} rankChange={props.rankChange} />
      <span className="text-xs font-medium tabular-nums">
        <EndAlignedText aria-hidden>{formatCount(count)}</EndAlignedText>
        <span className="sr-only">{formatExactCount(count)} posts</span>
      </span>
    </button>
  );
});

/**
 * `• new` for a newcomer, a rising triangle and its rank change while rising, `cooling` past the
 * peak.
 */
function PhaseBadge({ direction, rankChange }: Pick<TrendingTag, 'direction' | 'rankChange'>) {
  if (direction === 'cooling') {
    return (
      <span className="text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">cooling</span>
    );
  }
  if (direction === 'new') {
    return (
      <span className="flex items-center gap-1 text-xs whitespace-nowrap text-new">
        <span aria-hidden="true">•</span>
        <span>new</span>
      </span>
    );
  }
  const change = rankChange ? rankChange : null;
  return (
    <span className="flex items-center gap-1 text-xs whitespace-nowrap text-rising">
      <RisingIcon />
      <span>rising</span>
      {change !== null ? (
        <>
          <span aria-hidden="true" className="text-zinc-500 tabular-nums dark:text-zinc-400">
            {formatRankChange(change)}
          </span>
          <span className="sr-only">
            {`${change > 0 ? 'up' : 'down'} ${Math.abs(change)} ${Math.abs(change) === 1 ? 'place' : 'places'}`}
          </span>
        </>
      ) : null}
    </span>
  );
}

function shortestWindowMs(windows: { windowMs: number }[]): number | undefined {
  return windows.reduce<number | undefined>(
    (min, window) => (min === undefined || window.windowMs < min ? window.windowMs : min),
    undefined,
  );
}

/** The panel's caption: what the list holds and over which window people are counted. */
export function TrendingCaption() {
  const { view } = useTrends();
  const shortest = view ? shortestWindowMs(view.windows) : undefined;
  return (
    <>
      Rising faster than usual, by many people · counts in the last{' '}
      {shortest ? formatWindowMs(shortest) : 'minute'}
    </>
  );
}
