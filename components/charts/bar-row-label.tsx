'use client';
/**
 * The label of one bar, drawn in the bar chart's SVG as a button: focusable with Tab, pressed
 * with Enter/Space or a click, with a focus ring and, when selected, a colour dot. It is a toggle
 * (with `aria-pressed`) unless the chart gives labels an action of their own (`onOpen`).
 */
import type { KeyboardEvent } from 'react';

export interface BarRowLabelProps {
  /** Vertical centre of the row. */
  y: number;
  /** Width of the label column. */
  width: number;
  /** Root font size / 16 px (see useRootFontScale). */
  fontScale: number;
  label: string;
  /** Accessible name of the button. */
  description: string;
  selected: boolean;
  /** True: the label toggles the selection (and says whether it is pressed). */
  toggles: boolean;
  /** CSS colour of the selection dot. */
  color: string;
  rowId: string;
  onToggle: () => void;
}

/** Average glyph width of the label font at 12 px, to cut long labels before they overflow. */
const GLYPH_WIDTH_PX = 7;

export function BarRowLabel(props: BarRowLabelProps) {
  const { y, width, fontScale, selected } = props;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    props.onToggle();
  };
  return (
    <g
      transform={`translate(0,${y})`}
      role="button"
      tabIndex={0}
      aria-pressed={props.toggles ? selected : undefined}
      aria-label={props.description}
      data-row-id={props.rowId}
      className="group cursor-pointer outline-none"
      onClick={props.onToggle}
      onKeyDown={onKeyDown}
    >
      <rect
        x={2}
        y={-11 * fontScale}
        width={width - 6}
        height={22 * fontScale}
        rx={5}
        className="fill-transparent stroke-transparent stroke-2 group-hover:fill-zinc-100 group-focus-visible:stroke-sky-500 dark:group-hover:fill-zinc-800"
      />
      {selected ? <circle cx={11} cy={0} r={4 * fontScale} fill={props.color} /> : null}
      <text
        x={width - 10}
        y={0}
        dy="0.35em"
        textAnchor="end"
        className={
          selected
            ? 'fill-zinc-950 text-xs font-semibold dark:fill-white'
            : 'fill-zinc-700 text-xs dark:fill-zinc-300'
        }
      >
        {truncate(props.label, Math.floor((width - 30) / (GLYPH_WIDTH_PX * fontScale)))}
      </text>
    </g>
  );
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}
