/**
 * `npm run trending-eval [-- --seeds 1,2,3 --minutes 40 --bursts 12 --no-yesterday --json]`:
 * replays seeded scenarios with a known truth through the real trends job and reports, per
 * seed, one table comparing the "Trending now" list with the naive top 10 by count in the last
 * minute, then the goals over all seeds. Measures and reports; asserts nothing.
 */
import { evaluateRanking } from './evaluate';
import type { RankingOutcome } from './evaluate';
import { replayScenario } from './replay';
import { formatScenarioTable } from './report';
import { planScenario } from './scenario-plan';
import { summariseRanking } from './summary';

interface EvalOptions {
  seeds: number[];
  minutes: number;
  bursts: number;
  withYesterday: boolean;
  json: boolean;
}

function parseOptions(args: string[]): EvalOptions {
  const options: EvalOptions = {
    seeds: [1, 2, 3],
    minutes: 40,
    bursts: 12,
    withYesterday: true,
    json: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => {
      const next = args[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--seeds' || arg === '--seed')
      options.seeds = value().split(',').map(positiveInteger);
    else if (arg === '--minutes') options.minutes = positiveInteger(value());
    else if (arg === '--bursts') options.bursts = positiveInteger(value());
    else if (arg === '--no-yesterday') options.withYesterday = false;
    else if (arg === '--json') options.json = true;
    else if (arg !== '--trending') throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${text} is not a positive integer`);
  return value;
}

export async function runTrendingEval(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const outcomes: { seed: number; app: RankingOutcome; naive: RankingOutcome }[] = [];
  for (const seed of options.seeds) {
    const plan = planScenario({
      seed,
      durationMs: options.minutes * 60_000,
      bursts: options.bursts,
      withYesterday: options.withYesterday,
    });
    if (!options.json) process.stderr.write(`seed ${seed}: replaying ${options.minutes} min…\n`);
    const replay = await replayScenario(plan);
    if (replay.errors.length > 0) throw new Error(`batch errors: ${String(replay.errors[0])}`);
    const app = evaluateRanking(
      'Trending now',
      plan,
      replay.listings,
      (listing) => listing.trending,
    );
    const naive = evaluateRanking(
      'naive top 10 / 1 min',
      plan,
      replay.listings,
      (listing) => listing.naive,
    );
    outcomes.push({ seed, app, naive });
    if (!options.json) {
      process.stdout.write(
        `\nSeed ${seed}: ${options.minutes} min, ${replay.posts} posts (${Math.round(replay.posts / options.minutes / 60)}/s)\n\n`,
      );
      process.stdout.write(`${formatScenarioTable(app, naive)}\n`);
      if (app.falsePositiveTags.length)
        process.stdout.write(`false positives: ${app.falsePositiveTags.join(', ')}\n`);
    }
  }
  const summaries = outcomes.map(({ seed, app, naive }) => ({
    seed,
    app: summariseRanking(app),
    naive: summariseRanking(naive),
  }));
  if (options.json)
    process.stdout.write(`${JSON.stringify({ options, summaries, outcomes }, null, 2)}\n`);
  else process.stdout.write(`\n${formatGoals(summaries.map((summary) => summary.app))}\n`);
}

function formatGoals(apps: ReturnType<typeof summariseRanking>[]): string {
  const worst = {
    recall: Math.min(...apps.map((app) => app.recallStrong)),
    latency: Math.max(...apps.map((app) => app.medianLatencyStrongSec)),
    falsePositives: Math.max(...apps.map((app) => app.falsePositivesPerHour)),
    decoys: apps.reduce((sum, app) => sum + app.decoyListings, 0),
  };
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `Goals over ${apps.length} seed(s), worst seed:`,
    `  recall of bursts ≥ 1 post/s within 120 s: ${Math.round(worst.recall * 100)} % (goal 100 %) ${mark(worst.recall === 1)}`,
    `  median latency of those bursts: ${worst.latency} s (goal ≤ 30 s) ${mark(worst.latency <= 30)}`,
    `  false-positive tags per hour in the top 10: ${Math.round(worst.falsePositives * 10) / 10} (goal ≤ 2) ${mark(worst.falsePositives <= 2)}`,
    `  decoy listings: ${worst.decoys} batches (goal 0) ${mark(worst.decoys === 0)}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTrendingEval(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
