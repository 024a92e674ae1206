/**
 * The parts of `CompactLineChart` drawn in its plot: the lines in a box stretched to the plot's
 * size (strokes keep their width), and the shown point's dot and tooltip in HTML.
 */
import type { ReactNode } from 'react';

export interface Point {
  x: number;
  y: number;
}

/** Where values fall in the plot, in percent of its width (`left`) and height (`down`). */
export interface Scale {
  left: (x: number) => number;
  down: (y: number) => number;
}

/** The drawing's own units: the box is stretched to the plot's size. */
const SIZE = 1000;

/** The grid lines, the cursor at the shown point and the line, in the stretched box. */
export function PlotLines({
  points,
  yTicks,
  shown,
  scale,
  color,
}: {
  points: readonly Point[];
  yTicks: readonly number[];
  shown: Point | null;
  scale: Scale;
  color: string;
}) {
  const at = (percent: number) => (percent * SIZE) / 100;
  const line = points.map((point) => `${at(scale.left(point.x))},${at(scale.down(point.y))}`);
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
      {shown ? (
        <line
          x1={at(scale.left(shown.x))}
          x2={at(scale.left(shown.x))}
          y1={0}
          y2={SIZE}
          stroke="var(--color-axis)"
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      <polyline
        data-testid="compact-line"
        points={line.join(' ')}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

/**
 * The shown point's dot (HTML: a circle in the stretched box would be stretched too) and its
 * tooltip, on the side of the point where there is more room.
 */
export function ShownPoint({
  point,
  scale,
  color,
  children,
}: {
  point: Point;
  scale: Scale;
  color: string;
  children: ReactNode;
}) {
  const left = scale.left(point.x);
  return (
    <>
      <span
        aria-hidden="true"
        style={{ left: `${left}%`, top: `${scale.down(point.y)}%`, backgroundColor: color }}
        className="absolute size-2 -translate-1/2 rounded-full ring-2 ring-white dark:ring-zinc-900"
      />
      <div
        style={{ left: `${left}%` }}
        className={`pointer-events-none absolute top-0 z-10 ${left > 50 ? '-translate-x-full' : ''}`}
      >
        {children}
      </div>
    </>
  );
}
