import { ManualClock, StreamingContext } from '@/lib/engine';
import type { PushDStream } from '@/lib/engine';
import { createTrendsJob, parseStreamLine, postTimeMs, toParsedPost } from '@/lib/trends';
import type { ParsedPost, TrendsBatchResult, TrendsJob, TrendsJobSettings } from '@/lib/trends';

interface Running {
  clock: ManualClock;
  ssc: StreamingContext;
  input: PushDStream<ParsedPost>;
  job: TrendsJob;
}

/**
 * Replays NDJSON lines through the trends job as the server replays a fixture: each line parsed
 * (a malformed one skipped), the manual clock advanced to its `created_at`, one result per batch
 * to `onResult` (with the job, for its state sizes). Resolves with the job once the last batch ran.
 */
export async function replayJob(
  lines: Iterable<string>,
  settings: TrendsJobSettings,
  onResult: (result: TrendsBatchResult, job: TrendsJob) => void,
  batchIntervalMs = 2_000,
): Promise<TrendsJob> {
  let running: Running | undefined;
  const start = (timeMs: number): Running => {
    const clock = new ManualClock(Math.floor(timeMs / batchIntervalMs) * batchIntervalMs);
    const ssc = new StreamingContext({ batchIntervalMs, clock });
    const input = ssc.pushStream<ParsedPost>();
    const job: TrendsJob = createTrendsJob(ssc, input, settings, (result) => onResult(result, job));
    ssc.start();
    return { clock, ssc, input, job };
  };
  for (const raw of lines) {
    const parsed = parseStreamLine(raw);
    if (!parsed.ok) continue;
    const timeMs = postTimeMs(parsed.line.data);
    if (running === undefined && timeMs === undefined) continue;
    running ??= start(timeMs!);
    if (timeMs !== undefined && timeMs > running.clock.now()) await running.clock.advanceTo(timeMs);
    running.input.push(toParsedPost(parsed.line.data, parsed.line.includes));
  }
  if (running === undefined) throw new Error('replayJob: no line with a created_at');
  await running.clock.advance(batchIntervalMs);
  running.ssc.stop();
  return running.job;
}
