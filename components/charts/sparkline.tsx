/** A tiny trend line drawn as one SVG path; decorative (the figure beside it carries the value). */

export function Sparkline({
  values,
  className,
  widthPx = 96,
  heightPx = 24,
}: {
  values: readonly number[];
  /** Colour via `text-*` classes: the stroke is `currentColor`. */
  className?: string;
  widthPx?: number;
  heightPx?: number;
}) {
  if (values.length < 2) return <svg aria-hidden="true" width={widthPx} height={heightPx} />;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = widthPx / (values.length - 1);
  const points = values.map((value, position) => {
    const x = position * step;
    const y = heightPx - 2 - ((value - min) / span) * (heightPx - 4);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return (
    <svg
      aria-hidden="true"
      width={widthPx}
      height={heightPx}
      viewBox={`0 0 ${widthPx} ${heightPx}`}
      className={className}
    >
      <polyline
        points={points.join(' ')}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
