import type { ForeachBatchFn } from '../types';
import type { OutputNode, StreamNode } from '../nodes/node-types';

/**
 * Spark's `foreachRDD`: an output that receives the stream's batch at each of its valid times.
 * The array is shared with the engine (memoised, possibly a window's pane): do not mutate it.
 */
export function foreachBatch<T>(parent: StreamNode<T>, fn: ForeachBatchFn<T>): void {
  const output: OutputNode = {
    parent,
    run(batchTime: number): void {
      const items = parent.getOrCompute(batchTime);
      if (items !== undefined) fn(items, batchTime);
    },
  };
  parent.graph.addOutput(output);
}
