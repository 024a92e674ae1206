import type { ArrivalCombiner, PushStreamOptions } from '../types';
import type { StreamGraphContract } from '../nodes/node-types';
import { InputNodeBase } from '../nodes/input-node-base';
import type { TakenBatch } from '../nodes/input-node-base';
import { ArrivalStage } from './arrival-stage';
import type { ClosedArrival, SavedArrival } from './arrival-stage';

const DEFAULT_MAX_ITEMS_PER_BATCH = 1_000_000;

/**
 * An input fed by `push(item)` from outside. Items pushed before a batch runs belong to that
 * batch. The buffer is bounded (backpressure): beyond the bound items are dropped and counted,
 * never queued. `push` is O(1): a length check and an array push, plus the arrival stage's fold
 * when a combiner is registered (`combineOnArrival`).
 */
export class PushInputNode<T> extends InputNodeBase<T> {
  readonly maxItemsPerBatch: number;
  private buffer: T[] = [];
  private dropped = 0;
  private closed = false;
  private arrival: ArrivalStage<T, unknown> | undefined;
  private closedArrival: { batchTime: number; closed: ClosedArrival<unknown> } | undefined;

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
    this.arrival?.add(item);
    return true;
  }

  /** Registers the arrival stage's combiner (one per push stream, before `start()`). */
  combineOnArrival<C>(combiner: ArrivalCombiner<T, C>): void {
    if (this.arrival !== undefined) {
      throw new Error('combineOnArrival: this push stream already has a combiner');
    }
    this.arrival = new ArrivalStage(combiner);
  }

  /** Called by the context whenever the next batch to run is known: items now belong to it. */
  openBatch(batchTime: number): void {
    this.arrival?.openBatch(batchTime);
  }

  /** The arrival stage's result for `batchTime`, once, when that batch runs. */
  takeCombined(batchTime: number): ClosedArrival<unknown> | undefined {
    const taken = this.closedArrival;
    if (taken === undefined || taken.batchTime !== batchTime) return undefined;
    this.closedArrival = undefined;
    return taken.closed;
  }

  close(): void {
    this.closed = true;
    this.buffer = [];
    this.arrival?.stop();
    this.closedArrival = undefined;
  }

  protected takeBatch(batchTime: number): TakenBatch<T> {
    const items = this.buffer;
    const droppedRecords = this.dropped;
    this.buffer = [];
    this.dropped = 0;
    if (this.arrival === undefined) return { items, droppedRecords };
    const closed = this.arrival.close(batchTime);
    this.closedArrival = { batchTime, closed };
    return { items, droppedRecords, arrivalMs: closed.arrivalMs };
  }

  /** The open batch's accumulator, when a checkpoint is taken while items were folded into it. */
  protected snapshotState(): unknown {
    const saved = this.arrival?.snapshot();
    return saved === undefined ? undefined : { arrival: saved };
  }

  protected restoreState(state: unknown): void {
    const saved = (state as { arrival?: SavedArrival } | undefined)?.arrival;
    if (saved === undefined) return;
    if (this.arrival === undefined) {
      throw new TypeError(
        'restore: the checkpoint has arrival state for a push stream without a combiner',
      );
    }
    this.arrival.restore(saved);
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
