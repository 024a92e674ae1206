import type { VariantKey } from './report';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  json: boolean;
  /** Lines generated and processed by every run. */
  n: number;
  /** Ordinary posts per second of virtual time (the fixture's bursts come on top). */
  rate: number;
  /** Measured runs per variant (after one warm-up each). */
  runs: number;
  seed: number;
  /** Also run the RxJS recount over all four windows (slow), not only the 15 m one. */
  rxAll: boolean;
  /** Instead: size and time of a checkpoint and a restore at 1 M distinct hashtags an hour. */
  checkpoint: boolean;
  /** Parse worker threads of the (e) server path variant; default: cores − 1, at least 1. */
  workers: number | undefined;
  /** Only these variants (all when undefined). */
  only: VariantKey[] | undefined;
  /** Write a CPU profile of each variant's last run into this folder. */
  profile: string | undefined;
  /** Memory under a flood instead: new hashtags an hour (0: the throughput benchmark). */
  flood: number;
  /** Virtual minutes of the flood (past the 60 m window, so every window is full). */
  minutes: number;
}

const DEFAULTS: BenchOptions = {
  json: false,
  n: 500_000,
  rate: 400,
  runs: 5,
  seed: 42,
  rxAll: false,
  checkpoint: false,
  workers: undefined,
  only: undefined,
  profile: undefined,
  flood: 0,
  minutes: 75,
};

const KEYS: readonly VariantKey[] = [
  'floor',
  'job',
  'jobUnfiltered',
  'jobFiltered',
  'jobFiltered4',
  'rx15',
  'rxAll',
  'server',
  'serverWorkers',
];

export const USAGE =
  'usage: npm run bench -- [--json] [--n 500000] [--rate 400] [--runs 5] [--seed 42] [--rx-all] [--checkpoint] ' +
  `[--workers N] [--only ${KEYS.join(',')}] [--profile DIR]` +
  ' | [--flood 1e6] [--minutes 75] [--rate 400]';

function parseOnly(text: string | undefined): VariantKey[] {
  const keys = (text ?? '').split(',').filter(Boolean);
  const unknown = keys.find((key) => !KEYS.includes(key as VariantKey));
  if (keys.length === 0 || unknown !== undefined) {
    throw new Error(`--only needs variant names among ${KEYS.join(', ')}. ${USAGE}`);
  }
  return keys as VariantKey[];
}

type NumericOption = 'n' | 'rate' | 'runs' | 'seed' | 'workers' | 'flood' | 'minutes';
const NUMERIC_FLAGS = ['--n', '--rate', '--runs', '--seed', '--workers', '--flood', '--minutes'];

/** Parses `argv` (without node and the script); throws with a one-line message when wrong. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const options = { ...DEFAULTS };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index]!;
    if (flag === '--json') options.json = true;
    else if (flag === '--rx-all') options.rxAll = true;
    else if (flag === '--checkpoint') options.checkpoint = true;
    else if (flag === '--only') options.only = parseOnly(argv[++index]);
    else if (flag === '--profile') options.profile = argv[++index] ?? '.';
    else if (NUMERIC_FLAGS.includes(flag)) {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < (flag === '--seed' ? 0 : 1)) {
        throw new Error(`${flag} needs a positive integer. ${USAGE}`);
      }
      options[flag.slice(2) as NumericOption] = value;
    } else throw new Error(`unknown option ${flag}. ${USAGE}`);
  }
  return options;
}
