import { median } from './evaluate';
import type { RankingOutcome } from './evaluate';

/** The headline figures of one ranking on one scenario (what the goals are stated in). */
export interface RankingSummary {
  name: string;
  /** Share of bursts of ≥ 1 post/s listed within 120 s. */
  recallStrong: number;
  /** Share of all bursts listed within 120 s. */
  recallAll: number;
  /** Median latency of the bursts of ≥ 1 post/s that were detected, seconds. */
  medianLatencyStrongSec: number;
  maxLatencyStrongSec: number;
  falsePositivesPerHour: number;
  /** Batches in which any decoy was listed. */
  decoyListings: number;
}

export function summariseRanking(outcome: RankingOutcome): RankingSummary {
  const strong = outcome.bursts.filter((burst) => burst.peakPerSec >= 1);
  const strongLatencies = strong
    .filter((burst) => burst.detectedWithin120s)
    .map((burst) => burst.latencySec!);
  const share = (bursts: typeof strong) =>
    bursts.length === 0
      ? 1
      : bursts.filter((burst) => burst.detectedWithin120s).length / bursts.length;
  return {
    name: outcome.name,
    recallStrong: share(strong),
    recallAll: share(outcome.bursts),
    medianLatencyStrongSec: median(strongLatencies),
    maxLatencyStrongSec: strongLatencies.length ? Math.max(...strongLatencies) : NaN,
    falsePositivesPerHour: outcome.falsePositivesPerHour,
    decoyListings: outcome.decoys.reduce((sum, decoy) => sum + decoy.listedBatches, 0),
  };
}
