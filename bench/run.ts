/**
 * `npm run bench [-- --json --n 500000 --rate 400 --runs 5 --rx-all]`: measures and reports,
 * asserts nothing. Generates N realistic X API v2 lines in memory (seeded fixture generator),
 * serialises them, then runs on the same lines, in virtual time, interleaved, after a warm-up:
 * (a) JSON.parse alone, the floor; (b) the trends job on the engine (1 m, 5 m, 15 m, 60 m
 * windows, 2 s batches); (c) a naive RxJS recount of the 15 m window (all four with --rx-all).
 * With `--trending`, runs the trending evaluation instead (bench/trending/run.ts).
 * `--checkpoint`: size and time of a checkpoint and a restore instead (see checkpoint-bench.ts).
 * With `--flood N`: memory only, the job under N new hashtags an hour (see `flood.ts`).
 */
import { generateBenchInput } from './bench-input';
import { formatFloodReport, runFlood } from './flood';
import type { BenchInput } from './bench-input';
import { parseBenchOptions } from './bench-options';
import type { BenchOptions } from './bench-options';
import { measureRun } from './measure';
import type { RunResult, Variant } from './measure';
import { buildReport, formatReport, summarise } from './report';
import { parseOnlyVariant } from './variant-parse-only';
import { rxjsNaiveVariant } from './variant-rxjs-naive';
import { trendsJobVariant } from './variant-trends-job';
import { runTrendingEval } from './trending/run';
import { runCheckpointBench } from './checkpoint-bench';

const BATCH_INTERVAL_MS = 2_000;
const WINDOWS_MS = [60_000, 300_000, 900_000, 3_600_000];
const WARM_UP_LINES = 50_000;

function variantsFor(input: BenchInput, options: BenchOptions): Variant[] {
  const variants = [
    parseOnlyVariant(input, BATCH_INTERVAL_MS),
    trendsJobVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS),
    rxjsNaiveVariant(input, BATCH_INTERVAL_MS, [900_000]),
  ];
  if (options.rxAll) variants.push(rxjsNaiveVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS));
  return variants;
}

function progress(options: BenchOptions, message: string): void {
  if (!options.json) process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.checkpoint) return runCheckpointBench(options);
  if (options.flood > 0) {
    progress(
      options,
      `flooding ${options.flood} new hashtags an hour for ${options.minutes} virtual minutes…`,
    );
    const report = await runFlood({
      distinctTagsPerHour: options.flood,
      postsPerSec: options.rate,
      minutes: options.minutes,
      seed: options.seed,
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatFloodReport(report),
    );
    return;
  }
  progress(options, `generating ${options.n} lines at ${options.rate} posts/s (virtual)…`);
  const input = generateBenchInput(options.n, options.rate, options.seed);
  const warmUp = { ...input, lines: input.lines.slice(0, WARM_UP_LINES) };
  for (const variant of variantsFor(warmUp, options)) await measureRun(variant);
  const variants = variantsFor(input, options);
  const results: RunResult[][] = variants.map(() => []);
  for (let run = 0; run < options.runs; run++) {
    // Interleaved, in a rotating order, so drift on a noisy machine hits every variant alike.
    for (let step = 0; step < variants.length; step++) {
      const index = (run + step) % variants.length;
      progress(options, `run ${run + 1}/${options.runs}: ${variants[index]!.name}`);
      results[index]!.push(await measureRun(variants[index]!));
    }
  }
  const summaries = variants.map((variant, index) =>
    summarise(variant.name, input.lines.length, results[index]!),
  );
  const report = buildReport(input, options, summaries, {
    batchIntervalMs: BATCH_INTERVAL_MS,
    windowsMs: WINDOWS_MS,
  });
  process.stdout.write(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
  );
}

// `npm run bench -- --trending [options]`: the trending evaluation (bench/trending/run.ts).
const run = process.argv.includes('--trending')
  ? () => runTrendingEval(process.argv.slice(2))
  : main;
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
