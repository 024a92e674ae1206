import type { ArrivalCombiner } from '../types';

/** What the arrival stage hands to its batch when the batch runs. */
export interface ClosedArrival<C> {
  /** The batch's accumulator; undefined when folding failed. */
  accumulator: C | undefined;
  /** The first exception from the combiner in this batch, if any. */
  failure?: { error: unknown };
  /** Time spent folding the batch's items as they arrived. */
  arrivalMs: number;
}

/** The open batch's accumulator as a checkpoint holds it. */
export interface SavedArrival {
  batchTime: number;
  accumulator: unknown;
}

/**
 * The receiver side of a push stream: each accepted item is folded by the `ArrivalCombiner` into
 * the accumulator of the open batch as it is pushed, so that the batch's run finds the per-item
 * work done. The open batch is the next one the context runs (`openBatch`); items pushed before
 * the context knows it (before `start()`) wait and are folded, in push order, when it opens.
 * Batches run synchronously, so an item is never folded while a batch runs: every fold sees the
 * state that all earlier batches left, in the order and batch the items would have without it.
 */
export class ArrivalStage<T, C> {
  private openTime: number | undefined;
  private accumulator: C | undefined;
  private restored: SavedArrival | undefined;
  private waiting: T[] = [];
  private failure: { error: unknown } | undefined;
  private arrivalMs = 0;

  constructor(private readonly combiner: ArrivalCombiner<T, C>) {}

  /** Items pushed from now on belong to the batch at `batchTime`; waiting items are folded. */
  openBatch(batchTime: number): void {
    this.openTime = batchTime;
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (let index = 0; index < waiting.length; index++) this.add(waiting[index]!);
  }

  /** Folds `item` into the open batch; a throw is kept for the batch to report (not rethrown). */
  add(item: T): void {
    const batchTime = this.openTime;
    if (batchTime === undefined) {
      this.waiting.push(item);
      return;
    }
    // After a failure the batch is lost (as a batch whose transform throws): skip its items.
    if (this.failure !== undefined) return;
    const startedAt = performance.now();
    try {
      this.combiner.add(this.accumulator ?? this.begin(batchTime), item, batchTime);
    } catch (error) {
      this.failure = { error };
    }
    this.arrivalMs += performance.now() - startedAt;
  }

  /** Ends the batch at `batchTime` (opening it now if no item came) and starts afresh. */
  close(batchTime: number): ClosedArrival<C> {
    let accumulator = this.accumulator;
    let failure = this.failure;
    if (accumulator === undefined && failure === undefined) {
      try {
        accumulator = this.begin(batchTime);
      } catch (error) {
        failure = { error };
      }
    }
    const closed: ClosedArrival<C> = { accumulator, arrivalMs: this.arrivalMs };
    if (failure !== undefined) closed.failure = failure;
    this.accumulator = undefined;
    this.failure = undefined;
    this.arrivalMs = 0;
    return closed;
  }

  /** The open batch's accumulator for a checkpoint; undefined when none is open (or it failed). */
  snapshot(): SavedArrival | undefined {
    if (this.failure !== undefined) return undefined;
    if (this.accumulator === undefined || this.openTime === undefined) return this.restored;
    return { batchTime: this.openTime, accumulator: this.combiner.save(this.accumulator) };
  }

  /** Keeps a saved accumulator; it is loaded when its batch next folds an item or runs. */
  restore(saved: SavedArrival): void {
    if (typeof saved?.batchTime !== 'number') {
      throw new TypeError('restore: malformed arrival state in the checkpoint');
    }
    this.restored = saved;
  }

  /**
   * The context stopped: items still waiting for their batch are dropped (as a push stream's
   * buffer is); the open batch's accumulator stays for a last checkpoint, so that a restored
   * context goes on with its items instead of losing them.
   */
  stop(): void {
    this.waiting = [];
  }

  /**
   * The batch's accumulator: the restored one if a checkpoint left one (a batch skipped while
   * the process was down carries its items into the next batch run), else a fresh one.
   */
  private begin(batchTime: number): C {
    const restored = this.restored;
    this.restored = undefined;
    this.accumulator =
      restored === undefined
        ? this.combiner.open(batchTime)
        : this.combiner.load(restored.accumulator, restored.batchTime);
    return this.accumulator;
  }
}
