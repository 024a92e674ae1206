import type { PushStreamOptions } from '../types';
import type { StreamGraphContract } from '../nodes/node-types';
import { InputNodeBase } from '../nodes/input-node-base';

const DEFAULT_MAX_ITEMS_PER_BATCH = 1_000_000;

/**
 * An input fed by `push(item)` from outside. Items pushed before a batch runs belong to that
 * batch. The buffer is bounded (backpressure): beyond the bound items are dropped and counted,
 * never queued. `push` is O(1): a length check and an array push.
 */
export class PushInputNode<T> extends InputNodeBase<T> {
  readonly maxItemsPerBatch: number;
  private buffer: T[] = [];
  private dropped = 0;
  private closed = false;

  constructor(graph: StreamGraphContract, options: PushStreamOptions = {}) {
    super(graph, 'pushStream');
    this.maxItemsPerBatch = itemsPerBatchBound(options, graph.batchIntervalMs);
  }

  /** Returns false when the item was dropped (bound reached or context stopped). */
  push(item: T): boolean {
    if (this.closed) return false;
    if (this.buffer.length >= this.maxItemsPerBatch) {
      this.dropped++;
      return false;
    }
    this.buffer.push(item);
    return true;
  }

  close(): void {
    this.closed = true;
    this.buffer = [];
  }

  protected takeBatch(): { items: T[]; droppedRecords: number } {
    const items = this.buffer;
    const droppedRecords = this.dropped;
    this.buffer = [];
    this.dropped = 0;
    return { items, droppedRecords };
  }
}

function itemsPerBatchBound(options: PushStreamOptions, batchIntervalMs: number): number {
  let bound = options.maxItemsPerBatch ?? DEFAULT_MAX_ITEMS_PER_BATCH;
  if (!Number.isInteger(bound) || bound <= 0) {
    throw new Error(`pushStream: maxItemsPerBatch must be a positive whole number, got ${bound}`);
  }
  if (options.maxRatePerSec !== undefined) {
    if (!(options.maxRatePerSec > 0)) {
      throw new Error(`pushStream: maxRatePerSec must be positive, got ${options.maxRatePerSec}`);
    }
    bound = Math.min(
      bound,
      Math.max(1, Math.floor((options.maxRatePerSec * batchIntervalMs) / 1000)),
    );
  }
  return bound;
}
