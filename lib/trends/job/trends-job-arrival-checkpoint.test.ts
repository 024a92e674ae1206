/**
 * Posts are de-duplicated, counted and observed as they arrive, so a checkpoint may be taken
 * while a batch is open (the server takes them on a timer). Restored, the job must go on with
 * exactly the results of a run that was never interrupted, and the same windows under filters.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock, StreamingContext } from '@/lib/engine';
import type { Checkpoint, PushDStream } from '@/lib/engine';
import { generatedInputWithBadLines } from '@/tests/support/generated-input';
import { parseStreamLine, postTimeMs, toParsedPost } from '../index';
import { createTrendsJob } from './trends-job';
import type { TrendsJob } from './trends-job';
import type { TrendsJobSnapshot } from './trends-job-snapshot';
import type { ParsedPost, TrendsBatchResult, WindowResult } from '../types';
import type { ViewFilter } from '@/lib/view-filters';

const BATCH_MS = 2_000;
const START_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

interface TimedPost {
  timeMs: number;
  post: ParsedPost;
}

const POSTS: TimedPost[] = [];
for (const raw of generatedInputWithBadLines({
  seed: 5,
  startMs: START_MS,
  minutes: 4,
  tweetsPerSec: 25,
})) {
  const parsed = parseStreamLine(raw);
  const timeMs = parsed.ok ? postTimeMs(parsed.line.data) : undefined;
  if (!parsed.ok || timeMs === undefined) continue;
  POSTS.push({ timeMs, post: toParsedPost(parsed.line.data, parsed.line.includes) });
}

/** Asked at every batch, as dashboards under these filters would. */
const FILTERS: ViewFilter[] = [{ lang: 'en' }, { originalsOnly: true }, { lang: 'es' }];

/** A batch's result and its windows under each of `FILTERS`. */
interface Served {
  result: TrendsBatchResult;
  filtered: WindowResult[][];
}

interface Running {
  clock: ManualClock;
  ssc: StreamingContext;
  input: PushDStream<ParsedPost>;
  job: TrendsJob;
}

function startJob(nowMs: number, results: Served[], restoreFrom?: Saved): Running {
  const clock = new ManualClock(nowMs);
  const ssc = new StreamingContext({ batchIntervalMs: BATCH_MS, clock });
  const input = ssc.pushStream<ParsedPost>();
  const job: TrendsJob = createTrendsJob(ssc, input, {}, (result) => {
    const views = job.filteredViews()!;
    results.push({ result, filtered: FILTERS.map((filter) => views.windows(filter)) });
  });
  if (restoreFrom !== undefined) {
    ssc.restore(restoreFrom.engine);
    job.restore(restoreFrom.job);
  }
  ssc.start();
  return { clock, ssc, input, job };
}

/** Replays `POSTS[from, to)` into `running` (posts are copied: a checkpoint holds its own). */
async function replay(running: Running, from: number, to: number): Promise<void> {
  for (let index = from; index < to; index++) {
    const { timeMs, post } = POSTS[index]!;
    if (timeMs > running.clock.now()) await running.clock.advanceTo(timeMs);
    running.input.push(structuredClone(post));
  }
}

interface Saved {
  engine: Checkpoint;
  job: TrendsJobSnapshot;
}

async function uninterrupted(): Promise<Served[]> {
  const results: Served[] = [];
  const running = startJob(Math.floor(START_MS / BATCH_MS) * BATCH_MS, results);
  await replay(running, 0, POSTS.length);
  await running.clock.advance(BATCH_MS);
  return results;
}

/** Checkpointed right after post `at` (structured clone: what the server's codec keeps). */
async function interruptedAfter(at: number): Promise<{ results: Served[]; saved: Saved }> {
  const results: Served[] = [];
  const first = startJob(Math.floor(START_MS / BATCH_MS) * BATCH_MS, results);
  await replay(first, 0, at + 1);
  const saved = structuredClone({ engine: first.ssc.checkpoint(), job: first.job.snapshot() });
  const nowMs = first.clock.now();
  first.ssc.stop();
  const second = startJob(nowMs, results, saved);
  await replay(second, at + 1, POSTS.length);
  await second.clock.advance(BATCH_MS);
  return { results, saved };
}

describe('a checkpoint taken while a batch is open', () => {
  it.each([
    ['early, in the trending warm-up', 0.2],
    ['late, with full windows', 0.75],
  ])(
    'continues with every result of an uninterrupted run (%s)',
    async (_name, share) => {
      // A post in the middle of its batch, so the open batch holds posts before and after it.
      let at = Math.floor(POSTS.length * share);
      while (POSTS[at]!.timeMs % BATCH_MS < BATCH_MS / 2) at++;
      const expected = await uninterrupted();
      const { results, saved } = await interruptedAfter(at);
      const arrival = saved.engine.streams.find((stream) => stream.state !== undefined);
      expect(arrival?.state).toMatchObject({
        arrival: { accumulator: { received: expect.any(Number) } },
      });
      expect(saved.job.tracker.openBatch?.keys.length).toBeGreaterThan(0);
      expect(results.length).toBe(expected.length);
      for (let index = 0; index < expected.length; index++) {
        expect(results[index]).toEqual(expected[index]);
      }
    },
    60_000,
  );
});
