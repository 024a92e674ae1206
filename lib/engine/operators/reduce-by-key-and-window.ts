import { ReducedWindowedNode } from '../nodes/reduced-windowed-node';
import type { ReduceFn } from '../types';
import type { StreamNode } from '../nodes/node-types';
import { greatestCommonDivisor } from '../greatest-common-divisor';
import { checkWindowDurations } from '../validate-durations';
import { isReducedByKeyWith, reduceByKey } from './reduce-by-key';
import { window } from './window';

export interface ReduceByKeyAndWindowArgs<K, V> {
  fn: ReduceFn<V>;
  /** Inverse of `fn` (e.g. subtraction for addition): makes the window incremental. */
  invFn?: ReduceFn<V>;
  windowMs: number;
  slideMs?: number;
  /** Only with `invFn`: keys whose pair fails it are dropped from the running state. */
  filterFn?: (pair: [K, V]) => boolean;
  /** Name used in validation errors (the public operator that was called). */
  operator?: string;
}

/**
 * Per-pane reductions shared by every window over the same parent with the same `fn` and pane
 * length, so four windows over one stream reduce each batch once and share their panes. A
 * parent that is already `reduceByKey(fn)` serves as its own per-batch panes.
 */
const paneStreams = new WeakMap<
  StreamNode<unknown>,
  Map<unknown, Map<number, StreamNode<unknown>>>
>();

function paneStream<K, V>(
  parent: StreamNode<[K, V]>,
  fn: ReduceFn<V>,
  paneMs: number,
): StreamNode<[K, V]> {
  let byFunction = paneStreams.get(parent);
  if (!byFunction) paneStreams.set(parent, (byFunction = new Map()));
  let byPane = byFunction.get(fn);
  if (!byPane) byFunction.set(fn, (byPane = new Map()));
  const cached = byPane.get(paneMs) as StreamNode<[K, V]> | undefined;
  if (cached) return cached;
  let created: StreamNode<[K, V]>;
  if (paneMs !== parent.slideMs) {
    created = reduceByKey(window(paneStream(parent, fn, parent.slideMs), paneMs, paneMs), fn);
  } else {
    created = isReducedByKeyWith(parent, fn) ? parent : reduceByKey(parent, fn);
  }
  byPane.set(paneMs, created);
  return created;
}

/**
 * Spark's `reduceByKeyAndWindow`. Without `invFn` it is `reduceByKey → window → reduceByKey`
 * (each slide reduces the window's per-batch reductions). With `invFn` it is incremental over
 * panes of `gcd(windowMs, slideMs)` (see ReducedWindowedNode).
 */
export function reduceByKeyAndWindow<K, V>(
  parent: StreamNode<[K, V]>,
  args: ReduceByKeyAndWindowArgs<K, V>,
): StreamNode<[K, V]> {
  const operator = args.operator ?? 'reduceByKeyAndWindow';
  const slideMs = args.slideMs ?? parent.slideMs;
  checkWindowDurations(operator, args.windowMs, slideMs, parent.slideMs);
  if (!args.invFn) {
    if (args.filterFn) throw new Error(`${operator}: filterFn is only used together with invFn`);
    return reduceByKey(window(reduceByKey(parent, args.fn), args.windowMs, slideMs), args.fn);
  }
  return new ReducedWindowedNode({
    panes: paneStream(parent, args.fn, greatestCommonDivisor(args.windowMs, slideMs)),
    fn: args.fn,
    invFn: args.invFn,
    windowMs: args.windowMs,
    slideMs,
    filterFn: args.filterFn,
  });
}
