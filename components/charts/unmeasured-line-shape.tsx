/**
 * The path of a recharts `<Line>`, drawn without handing recharts a ref to it. Recharts' Line
 * reads its path's `getTotalLength()` at every render (to animate the line's entrance): a
 * forced layout per line at every batch, although our lines never animate. Without the ref it
 * has no element to measure and skips that; the path is the same `<Curve>` recharts draws.
 */
import type { CurveProps, LineDrawShapeProps } from 'recharts';
import { Curve } from 'recharts';

/** What recharts gives a Line's shape beyond a Curve's own props (not for the DOM). */
const SHAPE_ONLY_PROPS = [
  'pathRef',
  'animationElapsedTime',
  'isAnimating',
  'isEntrance',
  'visibleLength',
] as const;

export function UnmeasuredLineShape(props: LineDrawShapeProps) {
  const curveProps: Record<string, unknown> = { ...props };
  for (const name of SHAPE_ONLY_PROPS) delete curveProps[name];
  return <Curve {...(curveProps as CurveProps)} connectNulls={props.connectNulls ?? false} />;
}
