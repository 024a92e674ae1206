import { restoreCheckpoint, takeCheckpoint } from './checkpoint';
import { SystemClock } from './clock/system-clock';
import { DStream } from './dstream';
import { PushInputNode } from './inputs/push-input-node';
import { QueueInputNode } from './inputs/queue-input-node';
import { PushDStream } from './push-dstream';
import { runBatch } from './run-batch';
import { StreamGraph } from './stream-graph';
import { transformStreams } from './operators/transform-streams';
import type {
  BatchInfo,
  BatchListener,
  Checkpoint,
  Clock,
  ContextState,
  PushStreamOptions,
  ScheduledTask,
  StreamingContextOptions,
} from './types';
import { checkPositiveDuration } from './validate-durations';

/**
 * Spark's StreamingContext: owns the stream graph and runs one batch every `batchIntervalMs`
 * on the injected clock. Batch times are `zeroTime + k * batchIntervalMs` (k ≥ 1), `zeroTime`
 * being the clock's time at `start()`. Batches run one at a time and in order; a late batch
 * delays the next (its scheduling delay grows) but none is skipped.
 */
export class StreamingContext {
  readonly batchIntervalMs: number;
  readonly clock: Clock;
  private readonly graph: StreamGraph;
  private readonly listeners = new Set<BatchListener>();
  private readonly pushInputs: PushInputNode<unknown>[] = [];
  private currentState: ContextState = 'initialized';
  private nextBatch: ScheduledTask | undefined;
  private lastBatchTime: number | undefined;
  private batchRunning = false;

  constructor(options: StreamingContextOptions) {
    checkPositiveDuration('StreamingContext', 'batchIntervalMs', options.batchIntervalMs);
    this.batchIntervalMs = options.batchIntervalMs;
    this.clock = options.clock ?? new SystemClock();
    this.graph = new StreamGraph(options.batchIntervalMs);
  }

  get state(): ContextState {
    return this.currentState;
  }

  /** One array per batch, in order; empty batches once the queue is used up. */
  queueStream<T>(batches: T[][]): DStream<T> {
    return new DStream(new QueueInputNode(this.graph, batches));
  }

  /** An input fed with `push(item)`; items pushed before a batch runs belong to that batch. */
  pushStream<T>(options: PushStreamOptions = {}): PushDStream<T> {
    const input = new PushInputNode<T>(this.graph, options);
    this.pushInputs.push(input);
    return new PushDStream(input);
  }

  /**
   * Spark's `StreamingContext.transform`: a stream whose every batch is `fn` of the batches of
   * `streams` at the same time (a tuple, typed per stream). The streams must share this context
   * and their slide. One function sees all of a batch's inputs at once, in a stated order.
   */
  transform<Ts extends unknown[], U>(
    streams: [...{ [I in keyof Ts]: DStream<Ts[I]> }],
    fn: (batches: { [I in keyof Ts]: Ts[I][] }, batchTime: number) => U[],
  ): DStream<U> {
    const nodes = (streams as DStream<unknown>[]).map((stream) => stream.node);
    for (const node of nodes) {
      if (node.graph !== this.graph) {
        throw new Error('transform: all streams must belong to this StreamingContext');
      }
    }
    return new DStream(
      transformStreams(nodes, fn as (batches: unknown[][], batchTime: number) => U[]),
    );
  }

  /** Calls `listener` after every batch; returns a function that unsubscribes it. */
  onBatchCompleted(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Freezes the graph and schedules the first batch at `zeroTime + batchIntervalMs`. */
  start(): void {
    if (this.currentState !== 'initialized') {
      throw new Error(`StreamingContext.start: the context is ${this.currentState}, not startable`);
    }
    if (this.graph.outputs.length === 0) {
      throw new Error('StreamingContext.start: no output registered; call foreachBatch first');
    }
    this.graph.freeze();
    this.graph.zeroTime ??= this.clock.now();
    this.currentState = 'active';
    this.scheduleNextBatch();
  }

  /**
   * Stops scheduling batches (a batch already running completes); push inputs close. An open
   * batch's arrival accumulator stays for a last `checkpoint()`.
   */
  stop(): void {
    if (this.currentState === 'stopped') return;
    this.currentState = 'stopped';
    this.nextBatch?.cancel();
    this.nextBatch = undefined;
    for (const input of this.pushInputs) input.close();
  }

  /** A JSON-serialisable snapshot of all state; take it between batches. */
  checkpoint(): Checkpoint {
    if (this.batchRunning) {
      throw new Error('StreamingContext.checkpoint: a batch is running; call it between batches');
    }
    return takeCheckpoint(this.graph, this.lastBatchTime);
  }

  /** Loads a checkpoint of an identical graph, before `start()`; batches continue after it. */
  restore(checkpoint: Checkpoint): void {
    if (this.currentState !== 'initialized') {
      throw new Error('StreamingContext.restore: restore the checkpoint before start()');
    }
    this.lastBatchTime = restoreCheckpoint(this.graph, checkpoint);
  }

  /**
   * After `restore`, before `start()`: the batches due between the restored last batch and
   * `timeMs` were missed (the process was down). They count as empty and are not run one by one:
   * the next batch is the first one after `timeMs`, and its windows see the missed batches as
   * empty panes (what was counted before stays counted until it leaves the windows). Costs
   * O(window / slide) empty panes per window, whatever the gap. Returns the batch times skipped.
   */
  skipMissedBatches(timeMs: number): number {
    if (this.currentState !== 'initialized') {
      throw new Error('StreamingContext.skipMissedBatches: call it before start()');
    }
    const zeroTime = this.graph.zeroTime;
    if (this.lastBatchTime === undefined || zeroTime === undefined) return 0;
    const interval = this.batchIntervalMs;
    const latestDue = zeroTime + Math.floor((timeMs - zeroTime) / interval) * interval;
    if (latestDue <= this.lastBatchTime) return 0;
    const skipped = (latestDue - this.lastBatchTime) / interval;
    this.lastBatchTime = latestDue;
    return skipped;
  }

  /** Time of the last batch run (or restored); undefined before the first. */
  get lastBatch(): number | undefined {
    return this.lastBatchTime;
  }

  private scheduleNextBatch(): void {
    const batchTime =
      (this.lastBatchTime ?? (this.graph.zeroTime as number)) + this.batchIntervalMs;
    this.nextBatch = this.clock.schedule(batchTime, () => this.onBatchDue(batchTime));
    // Items pushed from now on belong to this batch: arrival stages fold them into it.
    for (const input of this.pushInputs) input.openBatch(batchTime);
  }

  private onBatchDue(batchTime: number): void {
    if (this.currentState !== 'active') return;
    this.batchRunning = true;
    let info: BatchInfo;
    try {
      info = runBatch(this.graph, batchTime, this.clock);
    } finally {
      this.batchRunning = false;
      this.lastBatchTime = batchTime;
    }
    this.notify(info);
    if (this.currentState === 'active') this.scheduleNextBatch();
  }

  /** A listener that throws does not stop the others nor the context. */
  private notify(info: BatchInfo): void {
    for (const listener of this.listeners) {
      try {
        listener(info);
      } catch {
        // Listeners are observers: their failures must not affect processing.
      }
    }
  }
}
