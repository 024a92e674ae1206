/**
 * `npm run bench [-- --json --n 500000 --rate 400 --runs 5 --rx-all --workers N --only …]`:
 * measures and reports, asserts nothing. Generates N realistic X API v2 lines in memory (seeded
 * fixture generator), serialises them (and writes them as a gzip fixture to a temporary folder),
 * then runs on the same lines, interleaved, after a warm-up:
 * (a) JSON.parse alone, the floor; (b) the trends job on the engine (1 m, 5 m, 15 m, 60 m
 * windows, 2 s batches); (b0) the same without the filter dimensions (their cost is (b)/(b0));
 * (bf1), (bf4) as (b) with one, four filters' windows and trending built every batch; (c) a naive RxJS recount of the 15 m window (all four with --rx-all);
 * (d) the whole server path in process, single-threaded; (e) the same with parse workers.
 * With `--trending`, runs the trending evaluation instead (bench/trending/run.ts).
 * `--checkpoint`: size and time of a checkpoint and a restore instead (see checkpoint-bench.ts).
 * With `--flood N`: memory and batch closes, the job under N new hashtags an hour (`flood.ts`).
 */
import { availableParallelism } from 'node:os';
import { parseStreamLine } from '@/lib/trends';
import { generateBenchInput } from './bench-input';
import { formatFloodReport, runFlood } from './flood';
import type { BenchInput } from './bench-input';
import { writeBenchFixture } from './bench-fixture';
import { parseBenchOptions } from './bench-options';
import type { BenchOptions } from './bench-options';
import { measureRun } from './measure';
import type { RunResult, Variant } from './measure';
import { buildReport, formatReport, summarise } from './report';
import type { VariantKey } from './report';
import type { ResponsivenessSample } from './responsiveness-probe';
import { parseOnlyVariant } from './variant-parse-only';
import { rxjsNaiveVariant } from './variant-rxjs-naive';
import { serverPathVariant } from './variant-server-path';
import { trendsJobVariant } from './variant-trends-job';
import { runTrendingEval } from './trending/run';
import { runCheckpointBench } from './checkpoint-bench';

const BATCH_INTERVAL_MS = 2_000;
const WINDOWS_MS = [60_000, 300_000, 900_000, 3_600_000];
const WARM_UP_LINES = 50_000;
/** Four dashboards under different filters: a language, originals, both, another language. */
const FOUR_FILTERS = [
  { lang: 'en' },
  { originalsOnly: true },
  { lang: 'pt', originalsOnly: true },
  { lang: 'es' },
];

type KeyedVariant = Variant & { key: VariantKey };

function variantsFor(
  input: BenchInput,
  fixturePath: string,
  options: BenchOptions,
  samples: ResponsivenessSample[],
): KeyedVariant[] {
  const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
  const server = (key: VariantKey, parseWorkers: number): KeyedVariant => {
    const variant = serverPathVariant(input, fixturePath, BATCH_INTERVAL_MS, parseWorkers, samples);
    return { ...variant, key };
  };
  const all: KeyedVariant[] = [
    { key: 'floor', ...parseOnlyVariant(input, BATCH_INTERVAL_MS) },
    { key: 'job', ...trendsJobVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS) },
    { key: 'jobUnfiltered', ...trendsJobVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS, false) },
    {
      key: 'jobFiltered',
      ...trendsJobVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS, true, [{ lang: 'en' }]),
    },
    {
      key: 'jobFiltered4',
      ...trendsJobVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS, true, FOUR_FILTERS),
    },
    { key: 'rx15', ...rxjsNaiveVariant(input, BATCH_INTERVAL_MS, [900_000]) },
    ...(options.rxAll
      ? [{ key: 'rxAll' as const, ...rxjsNaiveVariant(input, BATCH_INTERVAL_MS, WINDOWS_MS) }]
      : []),
    server('server', 0),
    server('serverWorkers', workers),
  ];
  return options.only ? all.filter((variant) => options.only!.includes(variant.key)) : all;
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
  // The first pass over a line costs more than the next ones (measured: the first variant's
  // parsing took twice as long), which would burden whichever variant runs first.
  for (const line of input.lines) parseStreamLine(line);
  const fixture = await writeBenchFixture(input);
  const warmUpFixture = await writeBenchFixture(warmUp);
  try {
    const ignored: ResponsivenessSample[] = [];
    for (const variant of variantsFor(warmUp, warmUpFixture.path, options, ignored)) {
      await measureRun(variant);
    }
    const samples: ResponsivenessSample[] = [];
    const variants = variantsFor(input, fixture.path, options, samples);
    const results: RunResult[][] = variants.map(() => []);
    for (let run = 0; run < options.runs; run++) {
      // Interleaved, in a rotating order, so drift on a noisy machine hits every variant alike.
      for (let step = 0; step < variants.length; step++) {
        const index = (run + step) % variants.length;
        progress(options, `run ${run + 1}/${options.runs}: ${variants[index]!.name}`);
        const profile = run === options.runs - 1 ? options.profile : undefined;
        results[index]!.push(await measureRun(variants[index]!, profile));
      }
    }
    const summaries = variants.map((variant, index) =>
      summarise(variant.key, variant.name, input.lines.length, results[index]!),
    );
    const workers = variants.find((variant) => variant.key === 'serverWorkers');
    const report = buildReport(
      input,
      options,
      summaries,
      {
        batchIntervalMs: BATCH_INTERVAL_MS,
        windowsMs: WINDOWS_MS,
        parseWorkers: workers ? (options.workers ?? Math.max(1, availableParallelism() - 1)) : 0,
      },
      samples,
    );
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
    );
  } finally {
    fixture.remove();
    warmUpFixture.remove();
  }
}

// `npm run bench -- --trending [options]`: the trending evaluation (bench/trending/run.ts).
const run = process.argv.includes('--trending')
  ? () => runTrendingEval(process.argv.slice(2))
  : main;
run().then(
  // Sockets and timers of the closed servers may linger a moment; the report is out.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
