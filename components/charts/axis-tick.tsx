/**
 * An axis label as one plain SVG `<text>`. Recharts' default tick is its `<Text>`, which measures
 * every label's words in the page to wrap them (a forced layout per label, per redraw): with the
 * chart redrawn at every batch that was the largest part of an update's work. Our labels are
 * short (a time, a count) and never wrap.
 */
import type { BaseTickContentProps } from 'recharts';

/** Where the text sits against its point, from recharts' vertical anchor. */
const BASELINE_SHIFT: Record<BaseTickContentProps['verticalAnchor'], string> = {
  start: '0.71em',
  middle: '0.355em',
  end: '0',
};

export function axisTick(formatter: (value: number) => string, fontSizePx: number) {
  return function AxisTick(props: BaseTickContentProps) {
    return (
      <text
        x={props.x}
        y={props.y}
        dy={BASELINE_SHIFT[props.verticalAnchor]}
        textAnchor={props.textAnchor}
        fill="var(--color-axis)"
        fontSize={fontSizePx}
        className={props.className}
      >
        {formatter(Number(props.payload.value))}
      </text>
    );
  };
}
