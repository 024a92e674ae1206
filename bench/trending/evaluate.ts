import { burstEndMs } from './scenario-plan';
import type { BatchListing } from './replay';
import type { DecoyKind, ScenarioPlan } from './scenario-types';

/** Per burst, for one ranking. */
export interface BurstOutcome {
  tag: string;
  description: string;
  peakPerSec: number;
  /** Seconds from the burst's start to its first batch in the top 10; null when never listed. */
  latencySec: number | null;
  detectedWithin120s: boolean;
}

export interface DecoyOutcome {
  tag: string;
  kind: DecoyKind;
  detail: string;
  /** Batches in which it held a top-10 place (main list only for the app). */
  listedBatches: number;
}

export interface RankingOutcome {
  name: string;
  bursts: BurstOutcome[];
  decoys: DecoyOutcome[];
  /** Distinct tags outside the truth holding a top-10 place for 3+ consecutive batches, per hour. */
  falsePositivesPerHour: number;
  falsePositiveTags: string[];
  /** Median number of tags listed per batch. */
  medianListed: number;
}

/** Consecutive batches a non-truth tag must hold to count as a false positive. */
const FALSE_POSITIVE_RUN = 3;
/** A burst tag still listed this long after its end is no longer counted against the ranking. */
const AFTERGLOW_MS = 10 * 60_000;
const DETECTION_LIMIT_MS = 120_000;

/** Scores one ranking (`pick` chooses its list in each batch) against the plan's truth. */
export function evaluateRanking(
  name: string,
  plan: ScenarioPlan,
  listings: BatchListing[],
  pick: (listing: BatchListing) => string[],
): RankingOutcome {
  const bursts = plan.bursts.map((burst): BurstOutcome => {
    const key = burst.tag.toLowerCase();
    const first = listings.find(
      (listing) => listing.batchMs > burst.startMs && pick(listing).includes(key),
    );
    const latencySec = first === undefined ? null : (first.batchMs - burst.startMs) / 1_000;
    return {
      tag: burst.tag,
      description: `${burst.shape}${burst.rare ? ', rare tag' : ''}`,
      peakPerSec: burst.peakPerSec,
      latencySec,
      detectedWithin120s: latencySec !== null && latencySec * 1_000 <= DETECTION_LIMIT_MS,
    };
  });
  const decoys = plan.decoys.map((decoy): DecoyOutcome => {
    const key = decoy.tag.toLowerCase();
    const listedBatches = listings.filter((listing) => pick(listing).includes(key)).length;
    return { tag: decoy.tag, kind: decoy.kind, detail: decoy.detail, listedBatches };
  });
  const falsePositiveTags = falsePositives(plan, listings, pick);
  const hours = plan.durationMs / 3_600_000;
  return {
    name,
    bursts,
    decoys,
    falsePositivesPerHour: falsePositiveTags.length / hours,
    falsePositiveTags,
    medianListed: median(listings.map((listing) => pick(listing).length)),
  };
}

function falsePositives(
  plan: ScenarioPlan,
  listings: BatchListing[],
  pick: (listing: BatchListing) => string[],
): string[] {
  const truth = new Map(
    plan.bursts.map((burst) => [
      burst.tag.toLowerCase(),
      { fromMs: burst.startMs, toMs: burstEndMs(burst) + AFTERGLOW_MS },
    ]),
  );
  const decoyKeys = new Set(plan.decoys.map((decoy) => decoy.tag.toLowerCase()));
  const runs = new Map<string, number>();
  const flagged = new Set<string>();
  for (const listing of listings) {
    const listed = new Set(pick(listing));
    for (const key of runs.keys()) if (!listed.has(key)) runs.delete(key);
    for (const key of listed) {
      const span = truth.get(key);
      const isTrue =
        span !== undefined && listing.batchMs > span.fromMs && listing.batchMs <= span.toMs;
      if (isTrue || decoyKeys.has(key)) continue;
      const run = (runs.get(key) ?? 0) + 1;
      runs.set(key, run);
      if (run >= FALSE_POSITIVE_RUN) flagged.add(key);
    }
  }
  return [...flagged].sort();
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
