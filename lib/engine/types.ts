/**
 * Contracts of the micro-batch engine (Spark Streaming's DStream model). Code lives elsewhere;
 * this module only states what each part promises. All durations and times are in ms.
 */

/** A pending callback on a clock; `cancel()` is idempotent. */
export interface ScheduledTask {
  cancel(): void;
}

/**
 * The only source of time for the engine. `schedule` runs `task` once the clock reaches
 * `atMs` (immediately-ish when `atMs` is already past); tasks due at the same time run in the
 * order they were scheduled.
 */
export interface Clock {
  now(): number;
  schedule(atMs: number, task: () => void | Promise<void>): ScheduledTask;
}

/** What `onBatchCompleted` listeners receive once per batch, like Spark's `BatchInfo`. */
export interface BatchInfo {
  /** The batch's time: `zeroTime + k * batchIntervalMs`. */
  batchTime: number;
  /** Items that entered input streams for this batch (after backpressure drops). */
  numRecords: number;
  /** Items pushed for this batch but dropped by a push stream's bound. */
  droppedRecords: number;
  /** How late the batch started: clock time at its start minus `batchTime`. */
  schedulingDelayMs: number;
  /** How long the batch ran, measured with `performance.now()`. */
  processingDelayMs: number;
  /** `schedulingDelayMs + processingDelayMs`. */
  totalDelayMs: number;
  /**
   * Time spent folding this batch's items as they arrived, before it ran (push streams with an
   * `ArrivalCombiner`; 0 without one), measured with `performance.now()` around each fold.
   * Not part of `processingDelayMs`: it was spent between batches.
   */
  arrivalMs: number;
  /** The first exception thrown by user code in this batch; outputs it reached were skipped. */
  error?: unknown;
}

export type BatchListener = (info: BatchInfo) => void;

export interface StreamingContextOptions {
  /** Interval between batches; a positive integer. */
  batchIntervalMs: number;
  /** Defaults to a `SystemClock`. Tests pass a `ManualClock`. */
  clock?: Clock;
}

/**
 * Bounds of a push input. A batch accepts at most the smaller of `maxItemsPerBatch` and
 * `maxRatePerSec * batchIntervalMs / 1000` items; the rest is dropped and counted.
 */
export interface PushStreamOptions {
  /** Default 1,000,000. */
  maxItemsPerBatch?: number;
  maxRatePerSec?: number;
}

/**
 * A receiver-side combiner (Spark's map-side combine, done as items arrive): folds each item
 * pushed for the open batch into that batch's accumulator, so that when the batch runs only the
 * per-key work remains. See `PushDStream.combineOnArrival`.
 */
export interface ArrivalCombiner<T, C> {
  /** A batch opens (before its first item, or when it runs if none came): its accumulator. */
  open(batchTime: number): C;
  /** Folds one accepted item of the open batch, in push order. */
  add(accumulator: C, item: T, batchTime: number): void;
  /**
   * The open batch's accumulator for a checkpoint taken while it is open: a JSON-serialisable
   * value that `load` turns back into it. What `add` changed outside the accumulator (state the
   * combiner's owner checkpoints itself) must not be applied again by `load`.
   */
  save(accumulator: C): unknown;
  /** The accumulator from `save`'s value, after a restore (called once the context runs). */
  load(saved: unknown, batchTime: number): C;
}

export type ContextState = 'initialized' | 'active' | 'stopped';

export type ReduceFn<V> = (a: V, b: V) => V;
export type UpdateStateFn<V, S> = (values: V[], state: S | undefined) => S | undefined;
export type TransformFn<T, U> = (items: T[], batchTime: number) => U[];
export type ForeachBatchFn<T> = (items: T[], batchTime: number) => void;

/** One stream of the graph as recorded in a checkpoint, to check that graphs match. */
export interface GraphShapeEntry {
  kind: string;
  parents: number[];
  params: Record<string, number>;
}

/** A stream's saved batches (`[batchTime, items]`) and operator state. */
export interface NodeCheckpoint {
  id: number;
  memo: [number, unknown[]][];
  state?: unknown;
}

/**
 * JSON-serialisable snapshot of a context (keys and items must be JSON-serialisable
 * primitives/arrays/plain objects; Maps are saved as entry arrays).
 */
export interface Checkpoint {
  version: 1;
  batchIntervalMs: number;
  zeroTime: number | null;
  lastBatchTime: number | null;
  graph: GraphShapeEntry[];
  streams: NodeCheckpoint[];
}
