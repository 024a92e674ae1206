import { Random } from '@/scripts/fixture/random';
import type { BurstShape, BurstSpec, DecoySpec, ScenarioPlan } from './scenario-types';

export interface PlanOptions {
  seed: number;
  /** Length of the evaluated stretch (40 min). */
  durationMs: number;
  /** Injected bursts, spread from the end of the warm-up to shortly before the end. */
  bursts: number;
  /** Replay yesterday's stretch for the daily decoy (costs a quiet day of batches). */
  withYesterday: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Bursts start after the trend view's warm-up (10 min) so that they measure detection. */
const FIRST_BURST_MS = 11 * MINUTE_MS;
const STRENGTHS_PER_SEC = [0.5, 1, 1, 2, 3, 5];
const SHAPES: BurstShape[] = ['ramp', 'step', 'spike'];
const RING_SIZES = [3, 8, 25];

/**
 * A seeded plan: ~3,000 background tags at ~100 posts/s (Zipf, slow ±30 % drifts), `bursts`
 * bursts of 0.5–5 posts/s in three shapes, and the decoys: one-author spam, a large tag steady
 * from the start, retweet rings of k accounts retweeting one post, a small ring posting its own
 * posts, and a tag that is big every day at the same hour.
 */
export function planScenario(options: PlanOptions): ScenarioPlan {
  const random = new Random(options.seed);
  const todayMs = DAY_MS + 9 * 60 * MINUTE_MS;
  const { durationMs } = options;
  const bursts = Array.from({ length: options.bursts }, (_, index) =>
    planBurst(random, index, options),
  );
  const at = (fraction: number) => Math.round((durationMs * fraction) / 2_000) * 2_000;
  const decoys: DecoySpec[] = [
    decoy('SteadyBig', 'steady large', '3 posts/s from the start', 0, durationMs, 3, 5_000),
    decoy('FreeCoins', 'one-author spam', '3 posts/s, 1 account', at(0.3), at(0.5), 3, 1),
    ...RING_SIZES.map((accounts, index) =>
      decoy(
        `RingRetweet${accounts}`,
        'retweet ring',
        `k = ${accounts} retweeting one post`,
        at(0.3 + 0.15 * index),
        at(0.55 + 0.15 * index),
        accounts / 3,
        accounts,
      ),
    ),
    decoy(
      'SmallRing',
      'small ring',
      'k = 6 posting and retweeting each other',
      at(0.35),
      at(0.8),
      2,
      6,
    ),
    {
      ...decoy(
        'MorningShow',
        'daily',
        '4 posts/s every day at the same hour',
        at(0.45),
        at(0.75),
        4,
        3_000,
      ),
      rampMs: 3 * MINUTE_MS,
    },
  ].map((spec) => ({ ...spec, startMs: todayMs + spec.startMs, endMs: todayMs + spec.endMs }));
  return {
    seed: options.seed,
    batchIntervalMs: 2_000,
    todayMs,
    durationMs,
    yesterday: options.withYesterday
      ? { startMs: todayMs - DAY_MS, endMs: todayMs - DAY_MS + durationMs, backgroundScale: 0.1 }
      : { startMs: todayMs, endMs: todayMs, backgroundScale: 0 },
    background: {
      tags: 3_000,
      postsPerSec: 100,
      zipfExponent: 1,
      driftAmplitude: 0.3,
      driftPeriodMinMs: 10 * MINUTE_MS,
      driftPeriodMaxMs: 40 * MINUTE_MS,
      retweetShare: 0.25,
      accounts: 200_000,
    },
    bursts: bursts.map((burst) => ({ ...burst, startMs: todayMs + burst.startMs })),
    decoys,
  };
}

function planBurst(random: Random, index: number, options: PlanOptions): BurstSpec {
  const span = Math.max(options.durationMs - FIRST_BURST_MS - 5 * MINUTE_MS, MINUTE_MS);
  const slot = span / options.bursts;
  const startMs =
    FIRST_BURST_MS + Math.round((index * slot + random.next() * slot * 0.5) / 2_000) * 2_000;
  const shape = SHAPES[index % SHAPES.length]!;
  const peakPerSec = STRENGTHS_PER_SEC[index % STRENGTHS_PER_SEC.length]!;
  return {
    tag: index % 4 === 3 ? `Topic${1_500 + random.int(1_400)}` : `Burst${index + 1}News`,
    shape,
    startMs,
    rampMs: shape === 'ramp' ? random.between(30, 90) * 1_000 : 0,
    peakMs: shape === 'spike' ? 60_000 : random.between(3, 6) * MINUTE_MS,
    declineMs: random.between(2, 5) * MINUTE_MS,
    peakPerSec,
    retweetShare: 0.3,
    rare: index % 4 === 3,
  };
}

function decoy(
  tag: string,
  kind: DecoySpec['kind'],
  detail: string,
  startMs: number,
  endMs: number,
  perSec: number,
  accounts: number,
): DecoySpec {
  return { tag, kind, detail, startMs, endMs, perSec, accounts, rampMs: 0 };
}

/** A burst's own rate at `timeMs`, posts per second. */
export function burstRateAt(burst: BurstSpec, timeMs: number): number {
  const sinceStart = timeMs - burst.startMs;
  if (sinceStart < 0) return 0;
  if (sinceStart < burst.rampMs) return (burst.peakPerSec * sinceStart) / burst.rampMs;
  const sincePeakEnd = sinceStart - burst.rampMs - burst.peakMs;
  if (sincePeakEnd < 0) return burst.peakPerSec;
  if (sincePeakEnd >= burst.declineMs) return 0;
  return burst.peakPerSec * (1 - sincePeakEnd / burst.declineMs);
}

export function burstEndMs(burst: BurstSpec): number {
  return burst.startMs + burst.rampMs + burst.peakMs + burst.declineMs;
}
