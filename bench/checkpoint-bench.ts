/**
 * `npm run bench -- --checkpoint [--json] [--rate 400] [--seed 42]`: an hour of posts (virtual
 * time, 2 s batches, 1 m/5 m/15 m/60 m windows) with about a million distinct hashtags, through
 * the server's real pipeline; then the size and time of a checkpoint (capture, encode, write to
 * a file) and of a restore (read, decode, load into a fresh pipeline). Measures, asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import pino from 'pino';
import { seededRandom } from '@/lib/seeded-random';
import { loadConfig } from '@/server/config';
import { createIngest, createIngestShared } from '@/server/ingestion/ingest';
import type { Ingest } from '@/server/ingestion/ingest';
import { createMetrics } from '@/server/metrics';
import { FileCheckpointStore } from '@/server/state/file-checkpoint-store';
import { captureServerState, restoreServerState } from '@/server/state/server-checkpoint';
import type { BenchOptions } from './bench-options';

const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2026-03-01T12:00:00.000Z');
/** Share of posts bringing a hashtag never seen before (≈ 1 M at 400 posts/s for an hour). */
const NEW_TAG_SHARE = 0.7;

function virtualIngest(): Ingest {
  const env = { NODE_ENV: 'production', BATCH_INTERVAL_MS: '2000', WINDOWS: '1m,5m,15m,60m' };
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const shared = createIngestShared(config, createMetrics());
  const logger = pino({ level: 'silent' });
  return createIngest(config, shared, 'virtual', logger, (result) => shared.store.record(result));
}

/** Feeds an hour of posts: one head hashtag each (skewed), a new one for 70 % of them. */
async function feedHour(ingest: Ingest, rate: number, seed: number): Promise<number> {
  const random = seededRandom(seed);
  const posts = Math.round((rate * HOUR_MS) / 1000);
  let newTags = 0;
  for (let index = 0; index < posts; index++) {
    const timeMs = START_MS + Math.floor((index * 1000) / rate);
    const tags = [`#head${Math.floor(2000 * random() ** 3)}`];
    if (random() < NEW_TAG_SHARE) tags.push(`#fresh${newTags++}`);
    const data = {
      id: String(1e15 + index),
      author_id: String(Math.floor(random() * 50_000)),
      created_at: new Date(timeMs).toISOString(),
      text: `post ${tags.join(' ')}`,
    };
    if (index % 400 === 0) await ingest.pipeline.sink.advanceTo(timeMs);
    ingest.pipeline.sink.line(JSON.stringify({ data }));
  }
  await ingest.pipeline.sink.advanceTo(START_MS + HOUR_MS);
  return newTags + 2000;
}

const elapsed = (since: number) => Math.round(performance.now() - since);
/** CPU time of this thread and the pool (user + system), less sensitive to a busy machine. */
const cpuSince = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};

export async function runCheckpointBench(options: BenchOptions): Promise<void> {
  const log = (message: string) => options.json || process.stderr.write(`${message}\n`);
  log(`feeding an hour at ${options.rate} posts/s (virtual time)…`);
  const ingest = virtualIngest();
  const distinctTags = await feedHour(ingest, options.rate, options.seed);
  const directory = await mkdtemp(join(tmpdir(), 'tagstream-bench-'));
  try {
    const store = new FileCheckpointStore(directory);
    let started = performance.now();
    let cpu = process.cpuUsage();
    const state = { pipeline: ingest.pipeline.checkpoint(), store: ingest.store.snapshot() };
    const captureMs = elapsed(started);
    const captureCpuMs = cpuSince(cpu);
    const v8Bytes = serialize(state).length;
    started = performance.now();
    cpu = process.cpuUsage();
    const bytes = await captureServerState(ingest);
    const encodeMs = elapsed(started);
    const encodeCpuMs = cpuSince(cpu);
    started = performance.now();
    await store.save(bytes);
    const writeMs = elapsed(started);
    started = performance.now();
    const loaded = (await store.load())!;
    const readMs = elapsed(started);
    started = performance.now();
    cpu = process.cpuUsage();
    const fresh = virtualIngest();
    const outcome = await restoreServerState(loaded, fresh);
    const restoreMs = elapsed(started);
    const restoreCpuMs = cpuSince(cpu);
    const report = {
      distinctTags,
      stateSizes: ingest.pipeline.stateSizes(),
      checkpointBytes: bytes.length,
      uncompressedBytes: v8Bytes,
      captureMs,
      captureCpuMs,
      encodeMs,
      encodeCpuMs,
      writeMs,
      readMs,
      restoreMs,
      restoreCpuMs,
      restored: outcome.restored,
      sameLatest: JSON.stringify(fresh.store.latest()) === JSON.stringify(ingest.store.latest()),
    };
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckpointReport(report),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function formatCheckpointReport(report: Record<string, unknown>): string {
  const megabytes = (bytes: unknown) => `${((bytes as number) / 1e6).toFixed(1)} MB`;
  return [
    `Checkpoint at ${String(report.distinctTags)} distinct hashtags in the hour`,
    `  state sizes      ${JSON.stringify(report.stateSizes)}`,
    `  size             ${megabytes(report.checkpointBytes)} gzip (${megabytes(report.uncompressedBytes)} V8 serialised)`,
    `  capture          ${String(report.captureMs)} ms, CPU ${String(report.captureCpuMs)} ms (snapshots; event loop blocked)`,
    `  capture+encode   ${String(report.encodeMs)} ms, CPU ${String(report.encodeCpuMs)} ms`,
    `  write (fsync)    ${String(report.writeMs)} ms`,
    `  read             ${String(report.readMs)} ms`,
    `  decode+restore   ${String(report.restoreMs)} ms, CPU ${String(report.restoreCpuMs)} ms (restored: ${String(report.restored)}, same latest result: ${String(report.sameLatest)})`,
    '',
  ].join('\n');
}
