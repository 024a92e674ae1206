import { generateStreamLines } from '@/scripts/fixture/generate-posts';

/** The lines every variant processes, serialised before any timing, and their batch cuts. */
export interface BenchInput {
  lines: string[];
  /** `created_at` of each line in ms (read once here, for the floor's per-batch timing). */
  timesMs: Float64Array;
  startMs: number;
  endMs: number;
  bytes: number;
}

export const BENCH_START_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

/**
 * `n` lines of the seeded fixture generator at `tweetsPerSec` ordinary posts per second (plus
 * its scripted bursts and 0.2 % redelivered duplicates), as JSON strings.
 */
export function generateBenchInput(n: number, tweetsPerSec: number, seed: number): BenchInput {
  const durationMs = Math.ceil((n / tweetsPerSec) * 1000);
  const lines: string[] = [];
  const times: number[] = [];
  let bytes = 0;
  for (const line of generateStreamLines({
    seed,
    startMs: BENCH_START_MS,
    durationMs,
    tweetsPerSec,
  })) {
    const text = JSON.stringify(line);
    lines.push(text);
    bytes += text.length;
    times.push(Date.parse(line.data.created_at!));
    if (lines.length === n) break;
  }
  const timesMs = Float64Array.from(times);
  return {
    lines,
    timesMs,
    startMs: timesMs[0]!,
    endMs: times.reduce((a, b) => Math.max(a, b), -Infinity),
    bytes,
  };
}
