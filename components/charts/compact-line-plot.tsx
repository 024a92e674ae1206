/**
 * The parts of `CompactLineChart` drawn in its plot: the lines in a box stretched to the plot's
 * size (strokes keep their width), and the shown point's dots and tooltip in HTML.
 */
import type { ReactNode } from 'react';

/** One line: a value for each x of the chart. */
export interface PlotLine {
  id: string;
  label: string;
  /** CSS colour. */
  color: string;
  ys: readonly number[];
}

/** Where values fall in the plot, in percent of its width (`left`) and height (`down`). */
export interface Scale {
  left: (x: number) => number;
  down: (y: number) => number;
}

/** The drawing's own units: the box is stretched to the plot's size. */
const SIZE = 1000;

/**
 * The grid lines, the cursor at the shown point and the lines, in the stretched box. Each line
 * is one `polyline`: a batch changes its `points` attribute, one DOM change per line.
 */
export function PlotLines({
  xs,
  lines,
  yTicks,
  active,
  scale,
}: {
  xs: readonly number[];
  lines: readonly PlotLine[];
  yTicks: readonly number[];
  /** The place in `xs` of the point shown, or null. */
  active: number | null;
  scale: Scale;
}) {
  const at = (percent: number) => (percent * SIZE) / 100;
  const lefts = xs.map((x) => at(scale.left(x)));
  return (
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
          y1={at(scale.down(tick))}
          y2={at(scale.down(tick))}
          stroke="var(--color-grid)"
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {active === null ? null : (
        <line
          x1={lefts[active]}
          x2={lefts[active]}
          y1={0}
          y2={SIZE}
          stroke="var(--color-axis)"
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
        />
      )}
      {lines.map((line) => (
        <polyline
          key={line.id}
          data-testid="compact-line"
          data-label={line.label}
          points={line.ys.map((y, place) => `${lefts[place]},${at(scale.down(y))}`).join(' ')}
          fill="none"
          stroke={line.color}
          strokeWidth={2}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}

/**
 * The shown point's dots, one per line (HTML: a circle in the stretched box would be stretched
 * too), and its tooltip, on the side of the point where there is more room.
 */
export function ShownPoints({
  x,
  at,
  lines,
  scale,
  children,
}: {
  x: number;
  /** The point's place in each line's values. */
  at: number;
  lines: readonly PlotLine[];
  scale: Scale;
  children: ReactNode;
}) {
  const left = scale.left(x);
  return (
    <>
      {lines.map((line) => (
        <span
          key={line.id}
          aria-hidden="true"
          style={{
            left: `${left}%`,
            top: `${scale.down(line.ys[at]!)}%`,
            backgroundColor: line.color,
          }}
          className="absolute size-2 -translate-1/2 rounded-full ring-2 ring-white dark:ring-zinc-900"
        />
      ))}
      <div
        style={{ left: `${left}%` }}
        className={`pointer-events-none absolute top-0 z-10 ${left > 50 ? '-translate-x-full' : ''}`}
      >
        {children}
      </div>
    </>
  );
}
