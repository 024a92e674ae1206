import type { TweetSink } from '@/server/sources/types';
import type { EngineStats } from '@/lib/protocol';
import type { BatchClose } from './measure';

/**
 * The pipeline's sink as the fixture replay calls it, timed for the bench: the time spent in
 * `post` (the engine's arrival stage: the job's per-post work, the line already parsed) is summed
 * per batch, and after each `advanceTo` that ran a batch, the batch's close (the engine's
 * `processingDelayMs`, from the server's figures) is kept with it. An advance that runs several
 * batches at once (a pause in the stream) is kept as one.
 */
export function timedSink(
  sink: TweetSink,
  stats: () => EngineStats,
  closes: BatchClose[],
): TweetSink {
  let arrivalMs = 0;
  let posts = 0;
  let batches = stats().batches;
  return {
    line: (raw) => sink.line(raw),
    badLine: (reason) => sink.badLine(reason),
    post(post) {
      const startedAt = performance.now();
      sink.post(post);
      arrivalMs += performance.now() - startedAt;
      posts++;
    },
    async advanceTo(timeMs) {
      await sink.advanceTo(timeMs);
      const current = stats();
      if (current.batches === batches) return;
      batches = current.batches;
      closes.push({ closeMs: current.lastProcessingMs, arrivalMs, posts });
      arrivalMs = 0;
      posts = 0;
    },
  };
}
