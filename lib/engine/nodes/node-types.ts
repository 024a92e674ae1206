/** Internal contracts between the engine's graph and its nodes; not part of the public API. */
import type { NodeCheckpoint } from '../types';

/**
 * The graph a stream belongs to: its shared timing (read to decide which batch times are valid)
 * and registration of new streams (refused once the context has started).
 */
export interface StreamGraphContract {
  readonly batchIntervalMs: number;
  /** Clock time at `start()` (or restored); undefined before. */
  readonly zeroTime: number | undefined;
  /** Returns the id for a new stream of `kind`; throws once the graph is frozen. */
  register(kind: string): number;
  add(node: StreamNode<unknown>): void;
  addInput(node: InputNode<unknown>): void;
  addOutput(output: OutputNode): void;
}

/**
 * Internal contract of one stream of the graph. A stream is computed at most once per valid
 * batch time (memoised) and only at times `zeroTime + k * slideMs`, k ≥ 1.
 */
export interface StreamNode<T> {
  readonly id: number;
  readonly kind: string;
  readonly params: Record<string, number>;
  readonly parents: readonly StreamNode<unknown>[];
  readonly slideMs: number;
  readonly graph: StreamGraphContract;
  /** How far back (ms) a child reaches into its parents' batches from its own batch time. */
  readonly parentLookbackMs: number;
  /** Stateful streams are computed at every valid time, needed or not, to keep state current. */
  readonly eager: boolean;
  /** Set by the graph at start: how long (ms) computed batches must be kept for children. */
  rememberMs: number;
  isTimeValid(batchTime: number): boolean;
  /** The stream's batch at `batchTime`, or undefined when that time is not valid for it. */
  getOrCompute(batchTime: number): T[] | undefined;
  /** Drops memoised batches at or before `batchTime - rememberMs`. */
  forgetBefore(batchTime: number): void;
  checkpointState(): NodeCheckpoint;
  restore(snapshot: NodeCheckpoint): void;
}

/** What an input reports for the batch it cut. */
export interface GeneratedBatch {
  numRecords: number;
  droppedRecords: number;
  /** Time spent folding the batch's items on arrival (0 without an arrival stage). */
  arrivalMs: number;
}

/** A stream fed from outside the graph once per batch (queue or push). */
export interface InputNode<T> extends StreamNode<T> {
  /** Cuts the batch for `batchTime`; returns accepted and dropped item counts. */
  generate(batchTime: number): GeneratedBatch;
}

/** A registered output (`foreachBatch`). */
export interface OutputNode {
  readonly parent: StreamNode<unknown>;
  run(batchTime: number): void;
}
