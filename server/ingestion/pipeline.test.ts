import { describe, expect, it } from 'vitest';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { EngineStatsTracker } from './engine-stats-tracker';
import { Pipeline } from './pipeline';
import type { PipelineOptions } from './pipeline';
import { FixtureSource } from '../sources/fixture/fixture-source';
import { ManualServerClock } from '../time/manual-server-clock';

const BATCH_MS = 2000;
const T0 = Date.parse('2026-03-01T12:00:00.000Z');

function createPipeline(overrides: Partial<PipelineOptions> = {}) {
  const results: TrendsBatchResult[] = [];
  const stats = new EngineStatsTracker(BATCH_MS);
  const pipeline = new Pipeline({
    timeMode: 'virtual',
    batchIntervalMs: BATCH_MS,
    windowsMs: [60_000, 300_000],
    maxTweetsPerBatch: 1000,
    heavyHittersCapacity: 1000,
    stats,
    onResult: (result) => results.push(result),
    ...overrides,
  });
  return { pipeline, results, stats };
}

function line(id: string, offsetMs: number, tags: string[]): string {
  const text = tags.map((tag) => `#${tag}`).join(' ');
  return JSON.stringify({ data: { id, text, created_at: new Date(T0 + offsetMs).toISOString() } });
}

async function replay(speed: number | 'max'): Promise<TrendsBatchResult[]> {
  const { pipeline, results } = createPipeline();
  const source = new FixtureSource({
    path: 'fixtures/small.jsonl',
    speed,
    loop: false,
    drain: false,
    batchIntervalMs: BATCH_MS,
    // Instant real time: a paced replay runs without waiting.
    clock: new ManualServerClock({ advanceOnSleep: true }),
  });
  pipeline.start();
  await source.start(pipeline.sink);
  await source.finished();
  pipeline.stop();
  return results;
}

describe('Pipeline', () => {
  it('gives the same counts for a fixture replayed at max, 1x and 10x', async () => {
    const windows = (results: TrendsBatchResult[]) =>
      results.map((result) => ({
        batchTime: result.batchTime,
        batchCounts: result.batchCounts.map((tag) => [tag.key, tag.count]),
        windows: result.windows.map((window) => [
          window.tweets,
          window.top.map((tag) => tag.count),
        ]),
      }));
    const atMax = windows(await replay('max'));
    expect(atMax.length).toBeGreaterThan(60);
    expect(windows(await replay(1))).toEqual(atMax);
    expect(windows(await replay(10))).toEqual(atMax);
  });

  it('aligns batches to the interval and puts a post in the batch after its time', async () => {
    const { pipeline, results } = createPipeline();
    await pipeline.sink.advanceTo(T0 + 500);
    pipeline.sink.line(line('1', 500, ['a']));
    await pipeline.sink.advanceTo(T0 + 2000);
    pipeline.sink.line(line('2', 2000, ['a', 'b']));
    await pipeline.sink.advanceTo(T0 + 4000);
    expect(results.map((result) => result.batchTime - T0)).toEqual([2000, 4000]);
    expect(results.map((result) => result.batchTweets)).toEqual([1, 1]);
    expect(results[1]!.windows[0]!.top.map((tag) => [tag.key, tag.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('skips keep-alives silently and counts malformed lines without stopping', async () => {
    const { pipeline, results, stats } = createPipeline();
    await pipeline.sink.advanceTo(T0);
    for (const raw of ['', '   ', '{oops', '{"data":{}}', 'x'.repeat(2_000_000)])
      pipeline.sink.line(raw);
    pipeline.sink.line(line('1', 0, ['ok']));
    await pipeline.sink.advanceTo(T0 + 2000);
    expect(stats.current().badLines).toBe(3);
    expect(results[0]!.batchTweets).toBe(1);
  });

  it('drops and counts posts beyond the batch bound', async () => {
    const { pipeline, stats } = createPipeline({ maxTweetsPerBatch: 2 });
    await pipeline.sink.advanceTo(T0);
    for (let id = 0; id < 5; id++) pipeline.sink.line(line(String(id), 0, ['a']));
    await pipeline.sink.advanceTo(T0 + 2000);
    expect(stats.current()).toMatchObject({ tweetsIngested: 2, droppedTweets: 3, batches: 1 });
  });

  it('counts duplicate posts reported by the job', async () => {
    const { pipeline, stats } = createPipeline();
    await pipeline.sink.advanceTo(T0);
    pipeline.sink.line(line('1', 0, ['a']));
    pipeline.sink.line(line('1', 0, ['a']));
    await pipeline.sink.advanceTo(T0 + 2000);
    expect(stats.current().duplicateTweets).toBe(1);
  });

  it('is running only between the first clock advance and stop', async () => {
    const { pipeline } = createPipeline();
    pipeline.start();
    expect(pipeline.running).toBe(false);
    await pipeline.sink.advanceTo(T0);
    expect(pipeline.running).toBe(true);
    pipeline.stop();
    expect(pipeline.running).toBe(false);
    await pipeline.sink.advanceTo(T0 + 10_000);
  });
});
