import type { StreamGraph } from './stream-graph';
import type { BatchInfo, Clock } from './types';

/**
 * Runs one batch: cuts every input's batch, brings stateful streams up to `batchTime`, runs the
 * outputs in definition order, then drops memoised batches no stream needs any more. A throw
 * from user code skips the outputs it reached and is reported; the batch still completes.
 * Processing time comes from `performance.now()` (real elapsed time, also under a ManualClock).
 */
export function runBatch(graph: StreamGraph, batchTime: number, clock: Clock): BatchInfo {
  const schedulingDelayMs = Math.max(0, clock.now() - batchTime);
  const startedAt = performance.now();
  let numRecords = 0;
  let droppedRecords = 0;
  let arrivalMs = 0;
  for (const input of graph.inputs) {
    const generated = input.generate(batchTime);
    numRecords += generated.numRecords;
    droppedRecords += generated.droppedRecords;
    arrivalMs += generated.arrivalMs;
  }
  let failure: { error: unknown } | undefined;
  const attempt = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      failure ??= { error };
    }
  };
  for (const node of graph.nodes) {
    if (node.eager && node.isTimeValid(batchTime)) attempt(() => node.getOrCompute(batchTime));
  }
  for (const output of graph.outputs) attempt(() => output.run(batchTime));
  for (const node of graph.nodes) node.forgetBefore(batchTime);
  const processingDelayMs = performance.now() - startedAt;
  const info: BatchInfo = {
    batchTime,
    numRecords,
    droppedRecords,
    schedulingDelayMs,
    processingDelayMs,
    totalDelayMs: schedulingDelayMs + processingDelayMs,
    arrivalMs,
  };
  if (failure) info.error = failure.error;
  return info;
}
