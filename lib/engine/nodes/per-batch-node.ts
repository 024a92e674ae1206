import { StreamNodeBase, batchOf } from './stream-node-base';
import type { StreamNode } from './node-types';

/** Computes one batch of the child from the parent's batch at the same time. */
export type BatchFunction<T, U> = (items: T[], batchTime: number) => U[];

/**
 * A stream whose every batch is a function of its parent's batch at the same time (map, filter,
 * reduceByKey, …): same slide as the parent, no state, no look-back.
 */
class PerBatchNode<T, U> extends StreamNodeBase<U> {
  constructor(
    private readonly parent: StreamNode<T>,
    kind: string,
    private readonly batchFunction: BatchFunction<T, U>,
  ) {
    super(parent.graph, { kind, parents: [parent], slideMs: parent.slideMs });
  }

  protected compute(batchTime: number): U[] {
    return this.batchFunction(batchOf(this.parent, batchTime), batchTime);
  }
}

export function perBatch<T, U>(
  parent: StreamNode<T>,
  kind: string,
  batchFunction: BatchFunction<T, U>,
): StreamNode<U> {
  return new PerBatchNode(parent, kind, batchFunction);
}
