import { StreamNodeBase, batchOf } from '../nodes/stream-node-base';
import type { StreamNode } from '../nodes/node-types';

class UnionNode<T> extends StreamNodeBase<T> {
  constructor(private readonly sources: StreamNode<T>[]) {
    super(sources[0].graph, { kind: 'union', parents: sources, slideMs: sources[0].slideMs });
  }

  protected compute(batchTime: number): T[] {
    const merged: T[] = [];
    for (const source of this.sources) {
      const items = batchOf(source, batchTime);
      for (let index = 0; index < items.length; index++) merged.push(items[index]);
    }
    return merged;
  }
}

/** Items of every stream's batch at the same time, in argument order. Slides must be equal. */
export function union<T>(streams: StreamNode<T>[]): StreamNode<T> {
  const first = streams[0];
  for (const other of streams) {
    if (other.graph !== first.graph) {
      throw new Error('union: all streams must belong to the same StreamingContext');
    }
    if (other.slideMs !== first.slideMs) {
      throw new Error(
        `union: all streams must have the same slide, got ${first.slideMs} ms and ${other.slideMs} ms`,
      );
    }
  }
  return new UnionNode(streams);
}
