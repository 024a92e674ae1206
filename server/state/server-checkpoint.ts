/**
 * The server's whole state as checkpoint bytes, and back: the engine, the job (windows, panes,
 * heavy-hitters summaries, trending decays, de-duplication table, history) and the store's
 * series. Independent of where the bytes are kept (`CheckpointStore`: a file, Redis).
 */
import { CheckpointGraphMismatchError } from '@/lib/engine';
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
      /**
       * True when the windows could not be restored (a checkpoint of another job graph, as after
       * an upgrade that changed the job) but the 24-hour history and the store's series were:
       * the windows start empty, the history goes on with the time down marked as a gap.
       */
      keptHistory?: boolean;
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
    if (load(state, ingest) === 'history only') {
      const reason = `checkpoint taken by another version of the job: its windows are not restored, its history and series are`;
      ingest.pipeline.history.noteGap(header.lastBatchTime!, nowMs);
      return { restored: false, bad: true, reason, keptHistory: true };
    }
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

/**
 * Store first (it checks its part whole before changing), then a fresh pipeline. A checkpoint
 * of another job graph (the engine refuses it whole) still gives a live source its history and
 * series: they do not depend on how the job is built, and losing 24 hours of them at every
 * upgrade that changes the job would cost more than windows that refill within their length.
 */
function load(state: unknown, ingest: Ingest): 'whole' | 'history only' {
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
    return 'whole';
  } catch (error) {
    if (error instanceof CheckpointGraphMismatchError && ingest.timeMode === 'arrival') {
      try {
        ingest.restoreHistoryOnly((pipeline as PipelineState).job.history);
        return 'history only';
      } catch {
        // A history that does not load either: the whole checkpoint is refused below.
      }
    }
    ingest.store.restore(previous);
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
