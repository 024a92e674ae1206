import type { StreamGraphContract } from '../nodes/node-types';
import { InputNodeBase } from '../nodes/input-node-base';

/** Spark's queueStream: one array per batch, then empty batches once the queue is used up. */
export class QueueInputNode<T> extends InputNodeBase<T> {
  private position = 0;

  constructor(
    graph: StreamGraphContract,
    private readonly batches: readonly T[][],
  ) {
    super(graph, 'queueStream');
  }

  protected takeBatch(): { items: T[]; droppedRecords: number } {
    const items = this.position < this.batches.length ? this.batches[this.position] : [];
    this.position++;
    return { items, droppedRecords: 0 };
  }

  /** The number of batches already taken from the queue. */
  protected override snapshotState(): number {
    return this.position;
  }

  protected override restoreState(state: unknown): void {
    this.position = state as number;
  }
}
