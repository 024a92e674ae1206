import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointKeeper } from './checkpoint-keeper';
import { FileCheckpointStore } from './file-checkpoint-store';
import { captureServerState } from './server-checkpoint';
import { checkpointWith, feedLines, recordingLogger, testIngest } from './test-support';
import type { Ingest } from '../ingestion/ingest';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tagstream-state-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function keeperFor(ingest: Ingest, stateDir = directory) {
  const { logger, lines } = recordingLogger();
  const store = new FileCheckpointStore(stateDir);
  const keeper = new CheckpointKeeper({ store, ingest, intervalMs: 0, logger });
  return { keeper, store, lines };
}

async function savedCheckpoint(): Promise<Buffer> {
  const ingest = testIngest();
  await feedLines(ingest, 600);
  return Buffer.from(await captureServerState(ingest));
}

/** Restores `bytes` from the checkpoint file into a fresh ingest; returns what happened. */
async function restoreFile(bytes: Uint8Array) {
  await writeFile(join(directory, 'checkpoint.tgst'), bytes);
  const ingest = testIngest();
  const { keeper, lines } = keeperFor(ingest);
  const outcome = await keeper.restore();
  return { outcome, lines, ingest, files: await readdir(directory) };
}

function expectStartedEmptyAside(result: Awaited<ReturnType<typeof restoreFile>>, reason: RegExp) {
  expect(result.outcome).toMatchObject({ restored: false, bad: true });
  const warnings = result.lines.filter((line) => line.level === 40);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.msg).toMatch(reason);
  expect(result.ingest.store.latest()).toBeUndefined();
  expect(result.ingest.pipeline.lastBatchTime).toBeUndefined();
  expect(result.files).not.toContain('checkpoint.tgst');
  expect(result.files.filter((name) => name.endsWith('.bad'))).toHaveLength(1);
}

describe('CheckpointKeeper with a file', () => {
  it('saves atomically and restores the state into a fresh ingest', async () => {
    const ingest = testIngest();
    const lastBatch = await feedLines(ingest, 600);
    const { keeper } = keeperFor(ingest);
    const timing = await keeper.checkpoint();
    expect(timing!.bytes).toBeGreaterThan(100);
    expect(await readdir(directory)).toEqual(['checkpoint.tgst']);

    const restored = await restoreFile(await readFile(join(directory, 'checkpoint.tgst')));
    expect(restored.outcome).toMatchObject({ restored: true, skippedBatches: 0 });
    expect(restored.ingest.pipeline.lastBatchTime).toBe(lastBatch);
    expect(restored.ingest.store.latest()).toEqual(ingest.store.latest());
    expect(restored.lines.some((line) => /^restored the checkpoint/.test(line.msg))).toBe(true);
  });

  it('starts empty without a word of warning when there is no checkpoint yet', async () => {
    const { keeper, lines } = keeperFor(testIngest());
    expect(await keeper.restore()).toBeUndefined();
    expect(lines.map((line) => line.msg)).toEqual(['starting empty: no checkpoint yet']);
  });

  it('sets a truncated checkpoint aside and starts empty', async () => {
    const bytes = await savedCheckpoint();
    expectStartedEmptyAside(await restoreFile(bytes.subarray(0, bytes.length - 100)), /truncated/);
  });

  it('sets a corrupt checkpoint aside and starts empty', async () => {
    const bytes = await savedCheckpoint();
    for (let index = bytes.length - 200; index < bytes.length - 100; index++) bytes[index] ^= 0x5a;
    expectStartedEmptyAside(await restoreFile(bytes), /corrupt/);
  });

  it('sets a checkpoint of another format version aside and starts empty', async () => {
    const bytes = await savedCheckpoint();
    bytes.writeUInt16BE(99, 4);
    expectStartedEmptyAside(await restoreFile(bytes), /format version 99/);
  });

  it('sets aside a file that is no checkpoint at all', async () => {
    expectStartedEmptyAside(await restoreFile(Buffer.from('{"hello":1}')), /not a Tagstream/);
  });

  it('sets aside a checkpoint of another window set', async () => {
    const other = testIngest('20s,1m,2m');
    await feedLines(other, 300);
    expectStartedEmptyAside(
      await restoreFile(await captureServerState(other)),
      /windows 20000,60000,120000 ms, this server uses 20000,60000 ms/,
    );
  });

  it('sets aside a checkpoint of another batch interval', async () => {
    const ingest = testIngest();
    await feedLines(ingest, 300);
    expectStartedEmptyAside(
      await restoreFile(await checkpointWith(ingest, { batchIntervalMs: 1000 })),
      /batch interval of 1000 ms/,
    );
  });

  it('sets aside a checkpoint whose body does not load', async () => {
    const ingest = testIngest();
    await feedLines(ingest, 300);
    const { encodeCheckpoint, decodeCheckpoint } = await import('./checkpoint-codec');
    const { header } = await decodeCheckpoint(await captureServerState(ingest));
    const bytes = await encodeCheckpoint(header, {
      pipeline: { engine: {} },
      store: { batches: [] },
    });
    expectStartedEmptyAside(await restoreFile(bytes), /does not load/);
  });

  it('warns once and starts empty when the state directory cannot be read', async () => {
    const notADirectory = join(directory, 'file');
    await writeFile(notADirectory, 'x');
    const ingest = testIngest();
    const { keeper, lines } = keeperFor(ingest, notADirectory);
    expect(await keeper.restore()).toMatchObject({ restored: false, bad: true });
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      expect.stringMatching(/^starting empty: cannot read .*ENOTDIR/),
    ]);
    // Saving fails too, with a warning, and nothing throws.
    expect(await keeper.checkpoint()).toBeUndefined();
    expect(lines.at(-1)!.msg).toBe('checkpoint failed; will try again');
  });
});
