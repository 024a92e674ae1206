/** Helpers for the state tests: a real ingest fed from the small fixture, a log that records. */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from 'pino';
import { loadConfig } from '../config';
import { createIngest, createIngestShared } from '../ingestion/ingest';
import type { Ingest } from '../ingestion/ingest';
import { createMetrics } from '../metrics';
import type { TimeMode } from '../sources/types';
import { captureServerState } from './server-checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';
import type { CheckpointHeader } from './checkpoint-codec';

export const BATCH_MS = 2000;
const LINES = readFileSync('fixtures/small.jsonl', 'utf8').split('\n').filter(Boolean);

/** An ingest whose batches the tests drive through its pipeline's sink in virtual time. */
export function testIngest(windows = '20s,1m', timeMode: TimeMode = 'virtual'): Ingest {
  const env = { NODE_ENV: 'test', WINDOWS: windows, BATCH_INTERVAL_MS: String(BATCH_MS) };
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const shared = createIngestShared(config, createMetrics());
  const logger = pino({ level: 'silent' });
  return createIngest(config, shared, timeMode, logger, (result) => shared.store.record(result));
}

/** Feeds the fixture's first `count` lines in virtual time and runs the batch after them. */
export async function feedLines(ingest: Ingest, count: number): Promise<number> {
  let lastMs = 0;
  for (const line of LINES.slice(0, count)) {
    const createdAt = /"created_at":"([^"]+)"/.exec(line)?.[1];
    const timeMs = createdAt === undefined ? NaN : Date.parse(createdAt);
    if (Number.isFinite(timeMs)) {
      lastMs = Math.max(lastMs, timeMs);
      await ingest.pipeline.sink.advanceTo(lastMs);
    }
    ingest.pipeline.sink.line(line);
  }
  const batchTime = Math.floor(lastMs / BATCH_MS) * BATCH_MS + BATCH_MS;
  await ingest.pipeline.sink.advanceTo(batchTime);
  return batchTime;
}

/** A checkpoint of `ingest` whose header says what `changes` say (to test refusals). */
export async function checkpointWith(
  ingest: Ingest,
  changes: Partial<CheckpointHeader> = {},
): Promise<Buffer> {
  const { header, state } = await decodeCheckpoint(await captureServerState(ingest, 0));
  return encodeCheckpoint({ ...header, ...changes }, state);
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}
