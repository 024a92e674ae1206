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
import type { KeyboardEvent, PointerEvent } from 'react';
import { useState } from 'react';
import { countTicks, fractionOf, nearestIndex } from '@/lib/client/chart-scale';
import { timeTicks } from '@/lib/client/time-ticks';
import { ChartTooltipBox } from './chart-tooltip';

export interface CompactPoint {
  /** Epoch ms. */
  x: number;
  y: number;
}

export interface CompactLineChartProps {
  /** Ascending by `x`; at least two. */
  points: readonly CompactPoint[];
  /** The series' name (e.g. `#WorldCup`), in its tooltip and in the chart's summary. */
  name: string;
  /** CSS colour of the line. */
  color: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
}

/** The drawing's own units: the box is stretched to the chart's size. */
const SIZE = 1000;

export function CompactLineChart({ points, name, color, formatX, formatY }: CompactLineChartProps) {
  const [active, setActive] = useState<number | null>(null);
  const first = points[0]?.x ?? 0;
  const last = points.at(-1)?.x ?? 0;
  const yTicks = countTicks(Math.max(0, ...points.map((point) => point.y)));
  const top = yTicks.at(-1)!;
  const left = (x: number) => fractionOf(x, first, last) * 100;
  const down = (y: number) => (1 - y / top) * 100;
  const line = points
    .map((point) => `${(left(point.x) * SIZE) / 100},${(down(point.y) * SIZE) / 100}`)
    .join(' ');
  const shown = active === null ? null : points[active];

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = first + fractionOf(event.clientX - box.left, 0, box.width) * (last - first);
    setActive(
      nearestIndex(
        points.map((point) => point.x),
        x,
      ),
    );
  };
  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: (active ?? points.length) - 1,
      ArrowRight: (active ?? -1) + 1,
      Home: 0,
      End: points.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(Math.min(points.length - 1, Math.max(0, next)));
  };

  return (
    <div className="grid size-full grid-cols-[2.25rem_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_1.25rem] text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
      <div aria-hidden="true" className="relative">
        {yTicks.map((tick) => (
          <span
            key={tick}
            style={{ top: `${down(tick)}%` }}
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
        <svg
          aria-hidden="true"
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          preserveAspectRatio="none"
          className="absolute inset-0 size-full overflow-visible"
        >
          {yTicks.map((tick) => (
            <line
              key={tick}
              x1={0}
              x2={SIZE}
              y1={(down(tick) * SIZE) / 100}
              y2={(down(tick) * SIZE) / 100}
              stroke="var(--color-grid)"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {shown ? (
            <line
              x1={(left(shown.x) * SIZE) / 100}
              x2={(left(shown.x) * SIZE) / 100}
              y1={0}
              y2={SIZE}
              stroke="var(--color-axis)"
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
          <polyline
            data-testid="compact-line"
            points={line}
            fill="none"
            stroke={color}
            strokeWidth={2}
            strokeLinejoin="round"
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        {shown ? (
          <>
            <span
              aria-hidden="true"
              style={{
                left: `${left(shown.x)}%`,
                top: `${down(shown.y)}%`,
                backgroundColor: color,
              }}
              className="absolute size-2 -translate-1/2 rounded-full ring-2 ring-white dark:ring-zinc-900"
            />
            <div
              style={{ left: `${left(shown.x)}%` }}
              className={`pointer-events-none absolute top-0 z-10 ${left(shown.x) > 50 ? '-translate-x-full' : ''}`}
            >
              <ChartTooltipBox
                title={formatX(shown.x)}
                rows={[{ id: name, name, value: formatY(shown.y), color }]}
              />
            </div>
          </>
        ) : null}
      </div>
      <div aria-hidden="true" className="relative col-start-2 mr-3">
        {timeTicks(first, last).map((tick) => (
          <span
            key={tick}
            style={{ left: `${left(tick)}%` }}
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
  points: readonly CompactPoint[],
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
