import { DStream } from './dstream';
import type { PushInputNode } from './inputs/push-input-node';

/** An input stream fed from outside with `push(item)`; see `PushStreamOptions` for its bound. */
export class PushDStream<T> extends DStream<T> {
  constructor(private readonly input: PushInputNode<T>) {
    super(input);
  }

  /** O(1). Returns false when the item was dropped (bound reached, or context stopped). */
  push(item: T): boolean {
    return this.input.push(item);
  }

  /** Items a batch accepts at most; the rest is dropped and counted in `droppedRecords`. */
  get maxItemsPerBatch(): number {
    return this.input.maxItemsPerBatch;
  }
}
