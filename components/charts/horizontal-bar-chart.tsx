'use client';
/**
 * Ranked horizontal bars (recharts). Each row's label is a keyboard-focusable button, so a bar
 * can be chosen with the mouse (bar or label) or with Tab and Enter/Space. With `onOpen`, the
 * label opens the row (e.g. its detail) and the bar selects it.
 */
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { useRootFontScale } from '@/lib/client/use-root-font-scale';
import { BarRowLabel } from './bar-row-label';
import { ChartTooltipBox } from './chart-tooltip';
import { useUntabbableLayers } from './use-untabbable-layers';

type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

export interface HorizontalBarChartProps<T> {
  data: readonly T[];
  /** Field naming each row uniquely (the category axis). */
  index: KeysOf<T, string>;
  /** The numeric field drawn as bars. */
  categories: readonly [KeysOf<T, number>];
  valueFormatter: (value: number, row: T) => string;
  /** Text beside the bar. */
  labelFormatter: (row: T) => string;
  /** CSS colour of the row's bar. */
  color: (row: T) => string;
  isSelected?: (row: T) => boolean;
  onSelect?: (row: T) => void;
  /** What the row's label does instead of `onSelect`. */
  onOpen?: (row: T) => void;
  /** Accessible name of the row's toggle button. */
  describe: (row: T) => string;
  /** Extra tooltip line under the value. */
  tooltipFooter?: (row: T) => ReactNode;
  /** Width of the label column at the default font size (it grows with the root font). */
  labelWidthPx?: number;
}

interface ChartRow<T> {
  id: string;
  value: number;
  valueLabel: string;
  fill: string;
  row: T;
}

/** Fills its parent's box: the parent sets the height (e.g. per row on narrow screens). */
export function HorizontalBarChart<T>(props: HorizontalBarChartProps<T>) {
  const { data, index, categories, valueFormatter, color } = props;
  const fontScale = useRootFontScale();
  const container = useRef<HTMLDivElement>(null);
  useUntabbableLayers(container);
  const labelWidthPx = Math.round((props.labelWidthPx ?? 150) * fontScale);
  const rows: ChartRow<T>[] = data.map((row) => {
    const value = row[categories[0]] as number;
    return {
      id: row[index] as string,
      value,
      valueLabel: valueFormatter(value, row),
      fill: color(row),
      row,
    };
  });
  return (
    <div ref={container} className="size-full">
      <BarChart
        layout="vertical"
        data={rows}
        // The row labels are the keyboard targets; recharts' own keyboard layer would add stops.
        accessibilityLayer={false}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 4, right: Math.round(56 * fontScale), bottom: 4, left: 0 }}
        barCategoryGap="18%"
        maxBarSize={Math.round(26 * fontScale)}
      >
        <XAxis type="number" hide domain={[0, 'dataMax']} />
        <YAxis
          type="category"
          dataKey="id"
          width={labelWidthPx}
          interval={0}
          axisLine={false}
          tickLine={false}
          tick={(tick) => {
            const chartRow = rows[tick.index];
            if (!chartRow) return null;
            const { row } = chartRow;
            return (
              <BarRowLabel
                y={Number(tick.y)}
                width={labelWidthPx}
                fontScale={fontScale}
                label={props.labelFormatter(row)}
                description={props.describe(row)}
                selected={props.isSelected?.(row) ?? false}
                toggles={props.onOpen === undefined}
                color={chartRow.fill}
                rowId={chartRow.id}
                onToggle={() => (props.onOpen ?? props.onSelect)?.(row)}
              />
            );
          }}
        />
        <Tooltip
          cursor={{ fill: 'var(--color-grid)', opacity: 0.6 }}
          content={(tooltip) => <BarTooltip tooltip={tooltip} {...props} />}
        />
        <Bar
          dataKey="value"
          radius={[0, 4, 4, 0]}
          isAnimationActive={false}
          cursor={props.onSelect ? 'pointer' : undefined}
          onClick={(entry) => {
            const row = (entry.payload as ChartRow<T> | undefined)?.row;
            if (row !== undefined) props.onSelect?.(row);
          }}
        >
          <LabelList
            dataKey="valueLabel"
            position="right"
            fill="var(--color-axis)"
            className="text-xs tabular-nums"
          />
        </Bar>
      </BarChart>
    </div>
  );
}

function BarTooltip<T>({
  tooltip,
  ...props
}: HorizontalBarChartProps<T> & { tooltip: TooltipContentProps }) {
  const chartRow = tooltip.payload?.[0]?.payload as ChartRow<T> | undefined;
  if (!tooltip.active || !chartRow) return null;
  return (
    <ChartTooltipBox
      title={props.labelFormatter(chartRow.row)}
      rows={[{ id: 'value', name: 'posts', value: chartRow.valueLabel, color: chartRow.fill }]}
      footer={props.tooltipFooter?.(chartRow.row)}
    />
  );
}
