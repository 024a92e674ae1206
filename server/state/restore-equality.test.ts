import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { EngineStatsTracker } from '../ingestion/engine-stats-tracker';
import { Pipeline } from '../ingestion/pipeline';
import type { PipelineState } from '../ingestion/pipeline';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';

const BATCH_MS = 2000;
const LINES = readFileSync('fixtures/small.jsonl', 'utf8').split('\n').filter(Boolean);
/** Each line's time: its `created_at`, or the previous line's for a malformed one. */
const TIMES = LINES.reduce<number[]>((times, line) => {
  const createdAt = /"created_at":"([^"]+)"/.exec(line)?.[1];
  const parsed = createdAt === undefined ? NaN : Date.parse(createdAt);
  times.push(Number.isFinite(parsed) ? parsed : (times.at(-1) ?? 0));
  return times;
}, []);
const FIRST_MS = TIMES[0]!;
const END_MS = Math.max(...TIMES) + 20_000;

/** A virtual-time pipeline with exact and heavy-hitters windows and a small Space-Saving. */
function createPipeline(results: TrendsBatchResult[]): Pipeline {
  return new Pipeline({
    timeMode: 'virtual',
    batchIntervalMs: BATCH_MS,
    windowsMs: [20_000, 60_000, 900_000],
    maxTweetsPerBatch: 100_000,
    heavyHittersCapacity: 100,
    stats: new EngineStatsTracker(BATCH_MS),
    onResult: (result) => results.push(result),
  });
}

/** Feeds the fixture's lines created before `untilMs`, from `fromIndex`; returns the next index. */
async function feed(pipeline: Pipeline, fromIndex: number, untilMs: number): Promise<number> {
  let index = fromIndex;
  for (; index < LINES.length; index++) {
    const timeMs = TIMES[index]!;
    if (timeMs >= untilMs) break;
    await pipeline.sink.advanceTo(timeMs);
    pipeline.sink.line(LINES[index]!);
  }
  await pipeline.sink.advanceTo(untilMs);
  return index;
}

/** Through the real bytes: encoded, decoded, loaded into a fresh pipeline. */
async function roundTrip(state: PipelineState): Promise<PipelineState> {
  const header = {
    createdAtMs: 0,
    batchIntervalMs: BATCH_MS,
    windowsMs: [],
    timeMode: 'virtual',
    lastBatchTime: null,
  };
  return (await decodeCheckpoint(await encodeCheckpoint(header, state))).state as PipelineState;
}

async function uninterrupted(): Promise<TrendsBatchResult[]> {
  const results: TrendsBatchResult[] = [];
  const pipeline = createPipeline(results);
  await feed(pipeline, 0, END_MS);
  pipeline.stop();
  return results;
}

async function stoppedAndRestored(stopAtBatchTime: number): Promise<TrendsBatchResult[]> {
  const before: TrendsBatchResult[] = [];
  const first = createPipeline(before);
  const next = await feed(first, 0, stopAtBatchTime);
  expect(first.lastBatchTime).toBe(stopAtBatchTime);
  const state = await roundTrip(first.checkpoint());
  first.stop();
  const after: TrendsBatchResult[] = [];
  const second = createPipeline(after);
  second.restore(state);
  await feed(second, next, END_MS);
  second.stop();
  return [...before, ...after];
}

describe('a replay stopped at a batch boundary and restored', () => {
  const boundary = (offsetMs: number) => Math.floor(FIRST_MS / BATCH_MS) * BATCH_MS + offsetMs;

  it.each([
    ['within the first heavy-hitters pane', 30_000],
    ['at a pane boundary', 60_000],
    ['with closed panes in the window', 98_000],
  ])('answers every batch like an uninterrupted replay (%s)', async (_name, offsetMs) => {
    const expected = await uninterrupted();
    const actual = await stoppedAndRestored(boundary(offsetMs));
    expect(actual.length).toBe(expected.length);
    for (let index = 0; index < expected.length; index++) {
      expect(actual[index]).toEqual(expected[index]);
    }
  });
});
