'use client';
/**
 * Multi-series line chart over a numeric x (recharts), one line per configured category. Fills
 * its parent's box.
 */
import { memo, useMemo, useRef } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { timeTicks } from '@/lib/client/time-ticks';
import { useRootFontScale } from '@/lib/client/use-root-font-scale';
import { axisTick } from './axis-tick';
import { ChartTooltipBox } from './chart-tooltip';
import { UnmeasuredLineShape } from './unmeasured-line-shape';
import { useUntabbableLayers } from './use-untabbable-layers';
import type { KeysOf } from './keys-of';

export interface LineCategory<T> {
  id: string;
  label: string;
  /** CSS colour of the line. */
  color: string;
  /** null: not known at that point (the line has a gap there). */
  value: (row: T) => number | null;
}

export interface LineChartProps<T> {
  data: readonly T[];
  /** Numeric field on the x axis (e.g. `batchTime`). */
  index: KeysOf<T, number>;
  categories: readonly LineCategory<T>[];
  valueFormatter: (value: number) => string;
  indexFormatter: (value: number) => string;
}

/**
 * Memoised: it redraws only when one of its props changes identity, so a parent re-rendered by
 * a batch that did not change its data (or its categories, or formatters) costs no chart work.
 * Callers keep `categories` and the formatters stable (useMemo, module-level functions).
 */
export const LineChart = memo(LineChartDrawing) as typeof LineChartDrawing;

function LineChartDrawing<T>({
  data,
  index,
  categories,
  valueFormatter,
  indexFormatter,
}: LineChartProps<T>) {
  const fontScale = useRootFontScale();
  const container = useRef<HTMLDivElement>(null);
  useUntabbableLayers(container);
  const fontSizePx = 11 * fontScale;
  const xTick = useMemo(() => axisTick(indexFormatter, fontSizePx), [indexFormatter, fontSizePx]);
  const yTick = useMemo(() => axisTick(valueFormatter, fontSizePx), [valueFormatter, fontSizePx]);
  const first = data[0]?.[index] as number | undefined;
  const last = data.at(-1)?.[index] as number | undefined;
  const xTicks = useMemo(
    () => (first === undefined || last === undefined ? [] : timeTicks(first, last)),
    [first, last],
  );
  return (
    <div ref={container} className="size-full">
      <RechartsLineChart
        data={data as T[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke="var(--color-grid)" />
        <XAxis
          dataKey={index}
          type="number"
          domain={['dataMin', 'dataMax']}
          // Our own ticks, all drawn: recharts would otherwise measure every candidate's text.
          ticks={xTicks}
          interval={0}
          tick={xTick}
          stroke="var(--color-grid)"
          tickLine={false}
        />
        <YAxis
          width={Math.round(44 * fontScale)}
          interval={0}
          allowDecimals={false}
          tick={yTick}
          axisLine={false}
          tickLine={false}
        />
        <Tooltip
          cursor={{ stroke: 'var(--color-axis)', strokeDasharray: '3 3' }}
          content={(tooltip) => (
            <LineTooltip
              tooltip={tooltip}
              categories={categories}
              valueFormatter={valueFormatter}
              indexFormatter={indexFormatter}
              index={index}
            />
          )}
        />
        {categories.map((category) => (
          <Line
            key={category.id}
            name={category.label}
            dataKey={category.value}
            type="monotone"
            stroke={category.color}
            strokeWidth={2 * fontScale}
            dot={false}
            activeDot={{ r: 3 }}
            isAnimationActive={false}
            shape={UnmeasuredLineShape}
          />
        ))}
      </RechartsLineChart>
    </div>
  );
}

function LineTooltip<T>({
  tooltip,
  categories,
  valueFormatter,
  indexFormatter,
  index,
}: {
  tooltip: TooltipContentProps;
  categories: readonly LineCategory<T>[];
  valueFormatter: (value: number) => string;
  indexFormatter: (value: number) => string;
  index: KeysOf<T, number>;
}) {
  const row = tooltip.payload?.[0]?.payload as T | undefined;
  if (!tooltip.active || row == null) return null;
  const rows = categories
    .map((category) => ({ category, value: category.value(row) }))
    .filter((entry): entry is { category: LineCategory<T>; value: number } => entry.value !== null)
    .sort((a, b) => b.value - a.value)
    .map(({ category, value }) => ({
      id: category.id,
      name: category.label,
      value: valueFormatter(value),
      color: category.color,
    }));
  return <ChartTooltipBox title={indexFormatter(row[index] as number)} rows={rows} />;
}
