/** Public entry of the micro-batch engine (Spark Streaming's DStream model, pure TypeScript). */
export { StreamingContext } from './streaming-context';
export { DStream } from './dstream';
export { PushDStream } from './push-dstream';
export { ManualClock } from './clock/manual-clock';
export { SystemClock } from './clock/system-clock';
export { CheckpointGraphMismatchError } from './checkpoint';
export { greatestCommonDivisor } from './greatest-common-divisor';
export { paneOf } from './nodes/pane';
export type { Pane } from './nodes/pane';
export type {
  ArrivalCombiner,
  BatchInfo,
  BatchListener,
  Checkpoint,
  Clock,
  ContextState,
  ForeachBatchFn,
  GraphShapeEntry,
  PushStreamOptions,
  ReduceFn,
  ScheduledTask,
  NodeCheckpoint,
  StreamingContextOptions,
  TransformFn,
  UpdateStateFn,
} from './types';
