'use client';
/**
 * "Trending now": tags ranked by trending score, each with its direction (symbol, colour and a
 * word, so colour is never the only cue), its rank change and its count in the shortest window.
 * A row toggles the tag on the time chart.
 */
import type { TrendDirection, TrendingTag } from '@/lib/trends/types';
import {
  formatCount,
  formatExactCount,
  formatRankChange,
  formatWindowMs,
} from '@/lib/client/format';
import { seriesColor } from '@/lib/client/series-colors';
import { useTrends } from './trends-provider';
import { EmptyState, SkeletonRows } from './ui/skeleton';

/** How many trending tags to list. */
export const TRENDING_ROWS = 20;

const DIRECTIONS: Record<TrendDirection, { symbol: string; label: string; className: string }> = {
  rising: { symbol: '▲', label: 'rising', className: 'text-rising' },
  falling: { symbol: '▼', label: 'falling', className: 'text-falling' },
  new: { symbol: '•', label: 'new', className: 'text-new' },
  steady: { symbol: '–', label: 'steady', className: 'text-zinc-500 dark:text-zinc-400' },
};

export function TrendingList() {
  const { view, watched, toggleTag } = useTrends();
  if (!view) return <SkeletonRows rows={10} />;
  if (view.batchTime === null) {
    return <EmptyState title="Waiting for the first batch" />;
  }
  const rows = view.trending.slice(0, TRENDING_ROWS);
  if (!rows.length) {
    return (
      <EmptyState
        title="Nothing is trending yet"
        detail="A tag trends once enough distinct authors use it faster than usual."
      />
    );
  }
  const slotByKey = new Map(watched.map((tag) => [tag.key, tag.colorSlot]));
  return (
    <ol
      data-testid="trending"
      className="-mx-2 flex flex-col xl:min-h-0 xl:flex-1 xl:overflow-y-auto"
    >
      {rows.map((tag, position) => (
        <li key={tag.key}>
          <TrendingRow
            tag={tag}
            rank={position + 1}
            colorSlot={slotByKey.get(tag.key)}
            onToggle={() => toggleTag(tag)}
          />
        </li>
      ))}
    </ol>
  );
}

function TrendingRow({
  tag,
  rank,
  colorSlot,
  onToggle,
}: {
  tag: TrendingTag;
  rank: number;
  colorSlot: number | undefined;
  onToggle: () => void;
}) {
  const direction = DIRECTIONS[tag.direction];
  const selected = colorSlot !== undefined;
  const change = rankChangeText(tag.rankChange);
  return (
    <button
      type="button"
      aria-pressed={selected}
      onClick={onToggle}
      title={`Score ${tag.score.toFixed(2)} · ${tag.authors} authors · ${tag.fastRatePerMin.toFixed(1)} posts/min now`}
      className="grid w-full grid-cols-[1.75rem_minmax(0,1fr)_auto_3.5rem] items-center gap-2 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
    >
      <span className="text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {rank}
      </span>
      <span className="flex min-w-0 items-center gap-1.5">
        {selected ? (
          <span
            aria-hidden="true"
            className={`size-2 shrink-0 rounded-full ${seriesColor(colorSlot).swatchClass}`}
          />
        ) : null}
        <span className={`truncate ${selected ? 'font-semibold' : 'font-medium'}`}>#{tag.tag}</span>
      </span>
      <span className={`flex items-center gap-1 text-xs whitespace-nowrap ${direction.className}`}>
        <span aria-hidden="true">{direction.symbol}</span>
        <span>{direction.label}</span>
        {change ? (
          <span aria-hidden="true" className="text-zinc-500 tabular-nums dark:text-zinc-400">
            {change.text}
          </span>
        ) : null}
        {change ? <span className="sr-only">{change.spoken}</span> : null}
      </span>
      <span className="text-right text-xs font-medium tabular-nums">
        <span aria-hidden="true">{formatCount(tag.count)}</span>
        <span className="sr-only">{formatExactCount(tag.count)} posts</span>
      </span>
    </button>
  );
}

function rankChangeText(rankChange: number | null): { text: string; spoken: string } | null {
  if (rankChange === null || rankChange === 0) return null;
  const places = Math.abs(rankChange) === 1 ? 'place' : 'places';
  return {
    text: formatRankChange(rankChange),
    spoken: `${rankChange > 0 ? 'up' : 'down'} ${Math.abs(rankChange)} ${places}`,
  };
}

/** The panel's caption: what ranks the list and which window its counts cover. */
export function TrendingCaption() {
  const { view } = useTrends();
  const shortest = view?.windows.reduce<number | undefined>(
    (min, window) => (min === undefined || window.windowMs < min ? window.windowMs : min),
    undefined,
  );
  return (
    <>
      Ranked by trending score · posts in the last {shortest ? formatWindowMs(shortest) : 'minute'}
    </>
  );
}
