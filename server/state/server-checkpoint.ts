/**
 * The server's whole state as checkpoint bytes, and back: the engine, the job (windows, panes,
 * heavy-hitters summaries, trending decays, de-duplication table, history) and the store's
 * series. Independent of where the bytes are kept (`CheckpointStore`: a file, Redis).
 */
import type { Ingest } from '../ingestion/ingest';
import type { PipelineState } from '../ingestion/pipeline';
import type { TrendStoreSnapshot } from '../ingestion/trend-store';
import {
  CheckpointFormatError,
  decodeCheckpoint,
  decodeCheckpointHeader,
  encodeCheckpoint,
} from './checkpoint-codec';
import type { CheckpointHeader } from './checkpoint-codec';

/** What the checkpoint body holds. */
export interface ServerState {
  pipeline: PipelineState;
  store: TrendStoreSnapshot;
}

export type RestoreOutcome =
  | {
      restored: true;
      header: CheckpointHeader;
      /** Batches due while down, counted as empty (arrival time only). */
      skippedBatches: number;
      /** The time the state was restored at: its last batch, or the skipped batches' last. */
      resumedAtBatchTime: number;
    }
  | {
      restored: false;
      /** One line for the log. */
      reason: string;
      /** True when the checkpoint is unusable (set it aside); false when merely stale. */
      bad: boolean;
    };

/** Takes the state between batches and encodes it. `nowMs` is recorded as its creation time. */
export async function captureServerState(ingest: Ingest, nowMs = Date.now()): Promise<Uint8Array> {
  const pipeline = ingest.pipeline;
  const state: ServerState = { pipeline: pipeline.checkpoint(), store: ingest.store.snapshot() };
  const header: CheckpointHeader = {
    createdAtMs: nowMs,
    batchIntervalMs: ingest.batchIntervalMs,
    windowsMs: [...ingest.windowsMs],
    timeMode: ingest.timeMode,
    lastBatchTime: pipeline.lastBatchTime ?? null,
  };
  return encodeCheckpoint(header, state);
}

/**
 * Loads checkpoint bytes into `ingest` before it starts, when they fit: same batch interval,
 * windows and time mode, and (arrival time) a last batch younger than the longest window at
 * `nowMs`. In arrival time the batches missed since are skipped as empty. Never throws: an
 * unusable checkpoint is an outcome with its reason, and `ingest` is then left empty.
 */
export async function restoreServerState(
  bytes: Uint8Array,
  ingest: Ingest,
  nowMs = Date.now(),
): Promise<RestoreOutcome> {
  let header: CheckpointHeader;
  let state: unknown;
  try {
    header = decodeCheckpointHeader(bytes).header;
    const refusal = refusalOf(header, ingest, nowMs);
    if (refusal !== undefined) return refusal;
    state = (await decodeCheckpoint(bytes)).state;
  } catch (error) {
    return { restored: false, bad: true, reason: messageOf(error) };
  }
  try {
    load(state, ingest);
  } catch (error) {
    return { restored: false, bad: true, reason: `checkpoint does not load: ${messageOf(error)}` };
  }
  const skippedBatches =
    ingest.timeMode === 'arrival' ? ingest.pipeline.skipMissedBatches(nowMs) : 0;
  // Down from the end of the last batch's span to the end of the last skipped batch.
  if (skippedBatches > 0) {
    ingest.pipeline.history.noteGap(header.lastBatchTime!, ingest.pipeline.lastBatchTime!);
  }
  return {
    restored: true,
    header,
    skippedBatches,
    resumedAtBatchTime: ingest.pipeline.lastBatchTime ?? header.lastBatchTime!,
  };
}

function refusalOf(
  header: CheckpointHeader,
  ingest: Ingest,
  nowMs: number,
): RestoreOutcome | undefined {
  const bad = (reason: string): RestoreOutcome => ({ restored: false, bad: true, reason });
  if (header.batchIntervalMs !== ingest.batchIntervalMs) {
    return bad(
      `checkpoint made with a batch interval of ${header.batchIntervalMs} ms, this server uses ${ingest.batchIntervalMs} ms`,
    );
  }
  if (header.windowsMs.join() !== ingest.windowsMs.join()) {
    return bad(
      `checkpoint made with windows ${header.windowsMs.join(',')} ms, this server uses ${ingest.windowsMs.join(',')} ms`,
    );
  }
  if (header.timeMode !== ingest.timeMode) {
    return bad(
      `checkpoint made in ${header.timeMode} time, this source runs in ${ingest.timeMode} time`,
    );
  }
  if (header.lastBatchTime === null) {
    return { restored: false, bad: false, reason: 'checkpoint holds no batch yet' };
  }
  const longestMs = ingest.windowsMs[ingest.windowsMs.length - 1]!;
  const ageMs = nowMs - header.lastBatchTime;
  if (ingest.timeMode === 'arrival' && ageMs >= longestMs) {
    return {
      restored: false,
      bad: false,
      reason: `checkpoint is ${Math.round(ageMs / 1000)} s old, older than the longest window (${longestMs / 1000} s)`,
    };
  }
  return undefined;
}

/** Store first (it checks its part whole before changing), then a fresh pipeline. */
function load(state: unknown, ingest: Ingest): void {
  const { pipeline, store } = (state ?? {}) as Partial<ServerState>;
  if (
    typeof pipeline !== 'object' ||
    pipeline === null ||
    typeof store !== 'object' ||
    store === null
  ) {
    throw new CheckpointFormatError('the body lacks its pipeline or store');
  }
  const previous = ingest.store.snapshot();
  ingest.store.restore(store);
  try {
    ingest.restorePipeline(pipeline);
  } catch (error) {
    ingest.store.restore(previous);
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
