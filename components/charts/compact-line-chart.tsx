'use client';
/**
 * Lines over time, one per category, drawn in SVG and HTML by React alone (no chart library):
 * the live chart over time, redrawn at every batch, and a tag's detail. recharts, which draws
 * the chart of the last hours, cost a desktop 250–770 ms of main thread for its first draw of the
 * live chart and 55–125 ms per batch after (several synchronous passes and a measured layout),
 * and a phone about 0.8 s to load and first draw the detail's one line.
 * This chart measures nothing: the lines are drawn in a stretched box (strokes keep their
 * width), the labels are HTML placed in percentages, so a render is all it costs, and a batch
 * changes one attribute per line and the tick labels whose text changed.
 * Pointer and arrow keys show the values at a point in time; their text is also read out.
 */
import { memo } from 'react';
import { countTicks, fractionOf } from '@/lib/client/chart-scale';
import { timeTicks } from '@/lib/client/time-ticks';
import { ChartTooltipBox } from './chart-tooltip';
import type { PlotLine, Scale } from './compact-line-plot';
import { PlotLines, ShownPoints } from './compact-line-plot';
import { useActivePoint } from './use-active-point';
import type { KeysOf } from './keys-of';

/** A line drawn: its name (e.g. `#WorldCup`, in the tooltip and the summary) and colour. */
export interface CompactCategory<T> {
  id: string;
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
  categories: readonly CompactCategory<T>[];
  valueFormatter: (value: number) => string;
  indexFormatter: (value: number) => string;
  /** At most this many steps between the count axis' labels (more for a taller chart). */
  maxCountSteps?: number;
}

/**
 * Memoised: a batch that did not change its props (the caller keeps the categories and the
 * formatters stable) costs nothing here.
 */
export const CompactLineChart = memo(CompactLineChartDrawing) as typeof CompactLineChartDrawing;

function CompactLineChartDrawing<T>({
  data,
  index,
  categories,
  valueFormatter: formatY,
  indexFormatter: formatX,
  maxCountSteps = 3,
}: CompactLineChartProps<T>) {
  const xs = data.map((row) => row[index] as number);
  const lines: PlotLine[] = categories.map((category) => ({
    id: category.id,
    label: category.label,
    color: category.color,
    ys: data.map(category.value),
  }));
  const { active: pointed, setActive, pointAt, step } = useActivePoint(xs);
  // A point kept while the data shrank (another filter, fewer batches) is no longer shown.
  const active = pointed !== null && pointed < xs.length ? pointed : null;
  const first = xs[0] ?? 0;
  const last = xs.at(-1) ?? 0;
  const highest = Math.max(0, ...lines.map((line) => Math.max(...line.ys)));
  const yTicks = countTicks(highest, maxCountSteps);
  const top = yTicks.at(-1)!;
  const scale: Scale = {
    left: (x) => fractionOf(x, first, last) * 100,
    down: (y) => (1 - y / top) * 100,
  };
  return (
    <div className="grid size-full grid-cols-[2.25rem_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_1.25rem] text-[0.6875rem] text-zinc-500 tabular-nums dark:text-zinc-400">
      <div aria-hidden="true" className="relative">
        {yTicks.map((tick) => (
          <AxisLabel key={tick} axis="y" percent={scale.down(tick)} text={formatY(tick)} />
        ))}
      </div>
      <div
        role="img"
        tabIndex={0}
        aria-label={summary(xs, lines, formatX, formatY)}
        onPointerMove={pointAt}
        onPointerLeave={() => setActive(null)}
        onKeyDown={step}
        onBlur={() => setActive(null)}
        className="relative mr-3 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        <PlotLines xs={xs} lines={lines} yTicks={yTicks} active={active} scale={scale} />
        {active === null ? null : (
          <ShownPoints x={xs[active]!} at={active} lines={lines} scale={scale}>
            <ChartTooltipBox
              title={formatX(xs[active]!)}
              rows={valuesAt(lines, active).map((shown) => ({
                id: shown.id,
                name: shown.label,
                value: formatY(shown.y),
                color: shown.color,
              }))}
            />
          </ShownPoints>
        )}
      </div>
      <div aria-hidden="true" className="relative col-start-2 mr-3">
        {timeTicks(first, last).map((tick) => (
          <AxisLabel key={tick} axis="x" percent={scale.left(tick)} text={formatX(tick)} />
        ))}
      </div>
      {/* Outside the image, whose content assistive technology does not read. */}
      <span data-testid="compact-readout" aria-live="polite" className="sr-only">
        {active === null ? '' : readout(xs[active]!, lines, active, formatX, formatY)}
      </span>
    </div>
  );
}

/**
 * A tick's label, centred on its place along the axis by translations only: a box as long as
 * the axis moved by `percent` of its own length, then the text moved back by half its own. The
 * labels move at every batch as time goes on; a kept element whose box moves is a layout shift,
 * a transform is none (and needs no layout).
 */
function AxisLabel({ axis, percent, text }: { axis: 'x' | 'y'; percent: number; text: string }) {
  const along = axis === 'x' ? 'translateX' : 'translateY';
  return (
    <span
      style={{ transform: `${along}(${percent}%)` }}
      className={`absolute leading-none ${axis === 'x' ? 'inset-x-0 top-1' : 'inset-y-0 right-1.5'}`}
    >
      <span
        className={`absolute whitespace-nowrap ${axis === 'x' ? 'left-0 -translate-x-1/2' : 'top-0 right-0 -translate-y-1/2'}`}
      >
        {text}
      </span>
    </span>
  );
}

/** The lines' values at one point, highest first (as the tooltip lists them). */
function valuesAt(lines: readonly PlotLine[], at: number) {
  return lines
    .map((line) => ({ id: line.id, label: line.label, color: line.color, y: line.ys[at]! }))
    .sort((a, b) => b.y - a.y);
}

/** A point read out: `12:00:05: 14` for one line, `12:00:05: #a 14, #b 3` for several. */
function readout(
  x: number,
  lines: readonly PlotLine[],
  at: number,
  formatX: (x: number) => string,
  formatY: (y: number) => string,
): string {
  const values = valuesAt(lines, at);
  if (values.length === 1) return `${formatX(x)}: ${formatY(values[0]!.y)}`;
  return `${formatX(x)}: ${values.map((value) => `${value.label} ${formatY(value.y)}`).join(', ')}`;
}

/** What the chart shows, in words: its span, and each line's lowest, highest and latest values. */
function summary(
  xs: readonly number[],
  lines: readonly PlotLine[],
  formatX: (x: number) => string,
  formatY: (y: number) => string,
): string {
  if (!xs.length || !lines.length) return 'No data';
  const span = `from ${formatX(xs[0]!)} to ${formatX(xs.at(-1)!)}`;
  const range = (line: PlotLine) =>
    `lowest ${formatY(Math.min(...line.ys))}, highest ${formatY(Math.max(...line.ys))}, ` +
    `latest ${formatY(line.ys.at(-1)!)}`;
  const keys = 'Arrow keys read each point.';
  if (lines.length === 1) return `${lines[0]!.label} ${span}: ${range(lines[0]!)}. ${keys}`;
  const each = lines.map((line) => `${line.label}: ${range(line)}`).join('; ');
  return `${lines.length} lines ${span}. ${each}. ${keys}`;
}
