import type { BenchInput } from './bench-input';
import type { Variant } from './measure';

/** (a) The floor: `JSON.parse` of each line and nothing else, timed per batch of lines. */
export function parseOnlyVariant(input: BenchInput, batchIntervalMs: number): Variant {
  return {
    name: '(a) JSON.parse only',
    async run() {
      const { lines, timesMs } = input;
      const batchMs: number[] = [];
      let sink = 0;
      let index = 0;
      let batchEndMs = Math.floor(input.startMs / batchIntervalMs) * batchIntervalMs;
      while (index < lines.length) {
        batchEndMs += batchIntervalMs;
        const startedAt = performance.now();
        for (; index < lines.length && timesMs[index]! < batchEndMs; index++) {
          sink += (JSON.parse(lines[index]!) as { data: object }).data === undefined ? 1 : 0;
        }
        batchMs.push(performance.now() - startedAt);
      }
      if (sink !== 0) throw new Error('a line without data');
      return { batchMs, release: () => undefined };
    },
  };
}
