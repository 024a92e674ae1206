/**
 * Generated stream lines with malformed ones mixed in (40 bad lines spread over the span): the
 * input of the tests that fix the job's results as hashes, batch by batch.
 */
import { withBadLines } from '@/scripts/fixture/bad-lines';
import { generateStreamLines } from '@/scripts/fixture/generate-posts';

export function generatedInputWithBadLines(options: {
  seed: number;
  startMs: number;
  minutes: number;
  tweetsPerSec: number;
}): Iterable<string> {
  const { seed, startMs, tweetsPerSec } = options;
  const durationMs = options.minutes * 60_000;
  return withBadLines(generateStreamLines({ seed, startMs, durationMs, tweetsPerSec }), {
    count: 40,
    startMs,
    durationMs,
  });
}
