import type { StreamGraph } from './stream-graph';
import type { Checkpoint, GraphShapeEntry } from './types';

export const CHECKPOINT_VERSION = 1;

/**
 * The checkpoint was taken by another stream graph (code that defines other streams, e.g. a job
 * changed by an upgrade): none of its per-stream state can be placed in this graph.
 */
export class CheckpointGraphMismatchError extends Error {
  override readonly name = 'CheckpointGraphMismatchError';
}

/** Snapshot of every stream's kept batches and state plus the batch clock (JSON-serialisable). */
export function takeCheckpoint(graph: StreamGraph, lastBatchTime: number | undefined): Checkpoint {
  return {
    version: CHECKPOINT_VERSION,
    batchIntervalMs: graph.batchIntervalMs,
    zeroTime: graph.zeroTime ?? null,
    lastBatchTime: lastBatchTime ?? null,
    graph: graph.shape(),
    streams: graph.nodes.map((node) => node.checkpointState()),
  };
}

/**
 * Loads a checkpoint into a graph built by the same code. Throws, changing nothing, when the
 * version, batch interval or graph shape differ. Returns the restored last batch time.
 */
export function restoreCheckpoint(graph: StreamGraph, checkpoint: Checkpoint): number | undefined {
  if (checkpoint?.version !== CHECKPOINT_VERSION) {
    throw new Error(
      `restore: unsupported checkpoint version ${String(checkpoint?.version)} (expected ${CHECKPOINT_VERSION})`,
    );
  }
  if (checkpoint.batchIntervalMs !== graph.batchIntervalMs) {
    throw new Error(
      `restore: checkpoint batch interval is ${checkpoint.batchIntervalMs} ms, this context's is ${graph.batchIntervalMs} ms`,
    );
  }
  checkShape(checkpoint.graph, graph.shape());
  graph.zeroTime = checkpoint.zeroTime ?? undefined;
  checkpoint.streams.forEach((snapshot, index) => graph.nodes[index].restore(snapshot));
  return checkpoint.lastBatchTime ?? undefined;
}

function describe(entry: GraphShapeEntry | undefined): string {
  return entry === undefined ? 'nothing' : JSON.stringify(entry);
}

function checkShape(saved: GraphShapeEntry[], current: GraphShapeEntry[]): void {
  const length = Math.max(saved.length, current.length);
  for (let index = 0; index < length; index++) {
    const savedEntry = describe(saved[index]);
    const currentEntry = describe(current[index]);
    if (savedEntry !== currentEntry) {
      throw new CheckpointGraphMismatchError(
        `restore: the checkpoint's stream graph does not match this context's: stream #${index} is ${savedEntry} in the checkpoint but ${currentEntry} here`,
      );
    }
  }
}
