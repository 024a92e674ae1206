import { StreamNodeBase, batchOf } from '../nodes/stream-node-base';
import type { StreamNode } from '../nodes/node-types';

/** Computes one batch from the batches of several streams at the same time. */
export type StreamsTransformFn<U> = (batches: unknown[][], batchTime: number) => U[];

class TransformStreamsNode<U> extends StreamNodeBase<U> {
  constructor(
    private readonly sources: StreamNode<unknown>[],
    private readonly fn: StreamsTransformFn<U>,
  ) {
    super(sources[0]!.graph, { kind: 'transform', parents: sources, slideMs: sources[0]!.slideMs });
  }

  protected compute(batchTime: number): U[] {
    const batches: unknown[][] = new Array(this.sources.length);
    for (let index = 0; index < this.sources.length; index++) {
      batches[index] = batchOf(this.sources[index]!, batchTime);
    }
    return this.fn(batches, batchTime);
  }
}

/**
 * Spark's `StreamingContext.transform(dstreams, fn)`: each batch is `fn` of every stream's batch
 * at the same time, in argument order. The streams must share their context and slide.
 */
export function transformStreams<U>(
  streams: StreamNode<unknown>[],
  fn: StreamsTransformFn<U>,
): StreamNode<U> {
  const first = streams[0];
  if (first === undefined) throw new Error('transform: needs at least one stream');
  for (const other of streams) {
    if (other.graph !== first.graph) {
      throw new Error('transform: all streams must belong to the same StreamingContext');
    }
    if (other.slideMs !== first.slideMs) {
      throw new Error(
        `transform: all streams must have the same slide, got ${first.slideMs} ms and ${other.slideMs} ms`,
      );
    }
  }
  return new TransformStreamsNode(streams, fn);
}
