import { StreamNodeBase } from './stream-node-base';
import type { InputNode, StreamGraphContract } from './node-types';

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
  protected abstract takeBatch(batchTime: number): { items: T[]; droppedRecords: number };

  generate(batchTime: number): { numRecords: number; droppedRecords: number } {
    const { items, droppedRecords } = this.takeBatch(batchTime);
    this.memo.set(batchTime, items);
    return { numRecords: items.length, droppedRecords };
  }

  protected compute(): T[] {
    return [];
  }
}
