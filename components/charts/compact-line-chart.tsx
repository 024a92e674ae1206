'use client';
/**
 * One series as a line over time, drawn in SVG and HTML by React alone (no chart library), for
 * small charts such as a tag's detail. recharts, which draws the dashboard's chart over time,
 * costs a phone about 0.8 s of main thread to load and first draw (its evaluation and a
 * first render in several synchronous passes): too much for a dialog that should open at once.
 * This chart measures nothing: the line is drawn in a stretched box (strokes keep their width),
 * the labels are HTML placed in percentages, so a render is all it costs.
 * Pointer and arrow keys show the value of a point; its text is also read out.
 */
import { memo } from 'react';
import { countTicks, fractionOf } from '@/lib/client/chart-scale';
import { timeTicks } from '@/lib/client/time-ticks';
import { ChartTooltipBox } from './chart-tooltip';
import type { Point, Scale } from './compact-line-plot';
import { PlotLines, ShownPoint } from './compact-line-plot';
import { useActivePoint } from './use-active-point';
import type { KeysOf } from './keys-of';

/** The one line drawn: its name (e.g. `#WorldCup`, in the tooltip and the summary) and colour. */
export interface CompactCategory<T> {
  label: string;
  /** CSS colour of the line. */
  color: string;
  value: (row: T) => number;
}

export interface CompactLineChartProps<T> {
  /** Ascending by `index`; at least two rows. */
  data: readonly T[];
  /** Numeric field on the x axis, epoch ms (e.g. `batchTime`). */
  index: KeysOf<T, number>;
  category: CompactCategory<T>;
  valueFormatter: (value: number) => string;
  indexFormatter: (value: number) => string;
}

/**
 * Memoised: a batch that did not change its props (the caller keeps the category and the
 * formatters stable) costs nothing here.
 */
export const CompactLineChart = memo(CompactLineChartDrawing) as typeof CompactLineChartDrawing;

function CompactLineChartDrawing<T>({
  data,
  index,
  category,
  valueFormatter: formatY,
  indexFormatter: formatX,
}: CompactLineChartProps<T>) {
  const { label: name, color } = category;
  const points: Point[] = data.map((row) => ({ x: row[index] as number, y: category.value(row) }));
  const { active, setActive, pointAt, step } = useActivePoint(points);
  const first = points[0]?.x ?? 0;
  const last = points.at(-1)?.x ?? 0;
  const yTicks = countTicks(Math.max(0, ...points.map((point) => point.y)));
  const top = yTicks.at(-1)!;
  const scale: Scale = {
    left: (x) => fractionOf(x, first, last) * 100,
    down: (y) => (1 - y / top) * 100,
  };
  const shown = active === null ? null : points[active]!;
  return (
    <div className="grid size-full grid-cols-[2.25rem_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_1.25rem] text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
      <div aria-hidden="true" className="relative">
        {yTicks.map((tick) => (
          <span
            key={tick}
            style={{ top: `${scale.down(tick)}%` }}
            className="absolute right-1.5 -translate-y-1/2 leading-none"
          >
            {formatY(tick)}
          </span>
        ))}
      </div>
      <div
        role="img"
        tabIndex={0}
        aria-label={summary(points, name, formatX, formatY)}
        onPointerMove={pointAt}
        onPointerLeave={() => setActive(null)}
        onKeyDown={step}
        onBlur={() => setActive(null)}
        className="relative mr-3 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        <PlotLines points={points} yTicks={yTicks} shown={shown} scale={scale} color={color} />
        {shown ? (
          <ShownPoint point={shown} scale={scale} color={color}>
            <ChartTooltipBox
              title={formatX(shown.x)}
              rows={[{ id: name, name, value: formatY(shown.y), color }]}
            />
          </ShownPoint>
        ) : null}
      </div>
      <div aria-hidden="true" className="relative col-start-2 mr-3">
        {timeTicks(first, last).map((tick) => (
          <span
            key={tick}
            style={{ left: `${scale.left(tick)}%` }}
            className="absolute top-1 -translate-x-1/2 leading-none whitespace-nowrap"
          >
            {formatX(tick)}
          </span>
        ))}
      </div>
      {/* Outside the image, whose content assistive technology does not read. */}
      <span data-testid="compact-readout" aria-live="polite" className="sr-only">
        {shown ? `${formatX(shown.x)}: ${formatY(shown.y)}` : ''}
      </span>
    </div>
  );
}

/** What the chart shows, in words: its span, its lowest, highest and latest values. */
function summary(
  points: readonly Point[],
  name: string,
  formatX: (x: number) => string,
  formatY: (y: number) => string,
): string {
  const ys = points.map((point) => point.y);
  const latest = points.at(-1);
  if (!latest) return `${name}: no data`;
  return (
    `${name} from ${formatX(points[0]!.x)} to ${formatX(latest.x)}: ` +
    `lowest ${formatY(Math.min(...ys))}, highest ${formatY(Math.max(...ys))}, ` +
    `latest ${formatY(latest.y)}. Arrow keys read each point.`
  );
}
