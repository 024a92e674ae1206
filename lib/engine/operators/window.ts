import { StreamNodeBase, batchOf } from '../nodes/stream-node-base';
import type { StreamNode } from '../nodes/node-types';
import { checkWindowDurations } from '../validate-durations';

/**
 * Spark's WindowedDStream: at each multiple of `slideMs` it emits the parent's batches in
 * `(batchTime - windowMs, batchTime]`, oldest first. The first windows are partial.
 */
class WindowedNode<T> extends StreamNodeBase<T> {
  constructor(
    private readonly parent: StreamNode<T>,
    private readonly windowMs: number,
    slideMs: number,
  ) {
    super(parent.graph, {
      kind: 'window',
      parents: [parent],
      slideMs,
      params: { windowMs, slideMs },
      parentLookbackMs: windowMs,
    });
  }

  protected compute(batchTime: number): T[] {
    const covered: T[] = [];
    const parentSlideMs = this.parent.slideMs;
    const zeroTime = this.graph.zeroTime ?? 0;
    let time = batchTime - this.windowMs + parentSlideMs;
    if (time <= zeroTime) time = zeroTime + parentSlideMs;
    for (; time <= batchTime; time += parentSlideMs) {
      const items = batchOf(this.parent, time);
      for (let index = 0; index < items.length; index++) covered.push(items[index]);
    }
    return covered;
  }
}

export function window<T>(
  parent: StreamNode<T>,
  windowMs: number,
  slideMs: number = parent.slideMs,
  operator = 'window',
): StreamNode<T> {
  checkWindowDurations(operator, windowMs, slideMs, parent.slideMs);
  return new WindowedNode(parent, windowMs, slideMs);
}
