import { StreamNodeBase } from './stream-node-base';
import type { GeneratedBatch, InputNode, StreamGraphContract } from './node-types';

/** What an input hands over for one batch. */
export interface TakenBatch<T> {
  items: T[];
  droppedRecords: number;
  /** Time spent folding the batch's items as they arrived (push streams with a combiner). */
  arrivalMs?: number;
}

/**
 * An input stream: its batch for a time is cut once, by the context, when that batch runs
 * (`generate`). It is never recomputed; a time it holds nothing for is an empty batch.
 */
export abstract class InputNodeBase<T> extends StreamNodeBase<T> implements InputNode<T> {
  constructor(graph: StreamGraphContract, kind: string) {
    super(graph, { kind, parents: [], slideMs: graph.batchIntervalMs });
    graph.addInput(this);
  }

  /** Takes the items for `batchTime` out of the input. */
  protected abstract takeBatch(batchTime: number): TakenBatch<T>;

  generate(batchTime: number): GeneratedBatch {
    const { items, droppedRecords, arrivalMs } = this.takeBatch(batchTime);
    this.memo.set(batchTime, items);
    return { numRecords: items.length, droppedRecords, arrivalMs: arrivalMs ?? 0 };
  }

  protected compute(): T[] {
    return [];
  }
}
