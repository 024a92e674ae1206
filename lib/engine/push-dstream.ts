import { DStream } from './dstream';
import { combinedOnArrival } from './inputs/combined-on-arrival';
import type { PushInputNode } from './inputs/push-input-node';
import type { ArrivalCombiner } from './types';

/** An input stream fed from outside with `push(item)`; see `PushStreamOptions` for its bound. */
export class PushDStream<T> extends DStream<T> {
  constructor(private readonly input: PushInputNode<T>) {
    super(input);
  }

  /** O(1). Returns false when the item was dropped (bound reached, or context stopped). */
  push(item: T): boolean {
    return this.input.push(item);
  }

  /**
   * The arrival stage (a receiver-side combiner, Spark's map-side combine as items arrive): each
   * accepted item is folded by `combiner` into the open batch's accumulator when it is pushed,
   * and the returned stream yields that accumulator (one item) when the batch runs. The push
   * stream itself still yields the batch's items. One combiner per push stream.
   */
  combineOnArrival<C>(combiner: ArrivalCombiner<T, C>): DStream<C> {
    return new DStream(combinedOnArrival(this.input, combiner));
  }

  /** Items a batch accepts at most; the rest is dropped and counted in `droppedRecords`. */
  get maxItemsPerBatch(): number {
    return this.input.maxItemsPerBatch;
  }
}
