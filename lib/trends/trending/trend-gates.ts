/**
 * When a scored hashtag counts as trending. The score alone ranks; these gates decide whether a
 * tag is listed at all, so the list can be short or empty. Every gate must pass:
 *
 * - `minPosts` posts (5) in the shortest window: a cheap first filter on volume;
 * - `minAuthors` distinct authors (8) and `minOriginals` distinct original posts (5) in that
 *   window: a few accounts, or many accounts retweeting one post, are not a trend;
 * - score ≥ `minScore` (4.5 Poisson standard deviations): with ~3,000 tags scored every 2 s, a
 *   lower floor lets ordinary tags wobbling above their baseline in (their scores stay under 2);
 * - fast rate ≥ `minRateMultiple` × usual rate (2.5): a large tag drifting up by 30 % has a high
 *   z-score (its counts are large) but is not what a person means by trending;
 * - history: until the job has watched for `warmUpMs` (10 min; a checkpoint carries the start
 *   time over restarts), the baseline of a tag already busy when the job started is unknown and
 *   too short to measure a ratio against, so no tag trends on its ratio. Only a tag that
 *   *emerged* can trend then: one the job saw absent for so long that, at the rate it has had since
 *   it appeared, it would have brought at least `minQuietPosts` (10) posts meanwhile. A tag that
 *   was merely there all along, at that rate, stays unseen that long with a probability under
 *   e⁻¹⁰. An emerged tag is scored against the rate it had before it appeared (none), and the
 *   ratio gate is waived.
 */
export interface TrendGateOptions {
  minPosts: number;
  minAuthors: number;
  minOriginals: number;
  minScore: number;
  minRateMultiple: number;
  warmUpMs: number;
  minQuietPosts: number;
}

/** What the gates read of a key, at one batch. */
export interface TrendEvidence {
  key: string;
  /** Posts in the shortest window. */
  count: number;
  /** Decayed evidence counts at the batch (see `trending-score.ts`). */
  fast: number;
  slow: number;
  /** What the key's usual rate predicts for `fast`: its baseline or its daily habit. */
  expected: number;
  score: number;
  authors: number;
  originals: number;
  firstSeenMs: number;
  /** During the warm-up: whether the key emerged after the start (see above). */
  emerged: boolean;
}

/** True when `evidence` is strong enough to list; `startMs` is when the job began watching. */
export function passesTrendGates(
  evidence: TrendEvidence,
  options: TrendGateOptions,
  startMs: number,
  batchMs: number,
): boolean {
  if (evidence.count < options.minPosts) return false;
  if (evidence.authors < options.minAuthors || evidence.originals < options.minOriginals) {
    return false;
  }
  if (!(evidence.score >= options.minScore)) return false;
  if (batchMs - startMs >= options.warmUpMs) {
    return evidence.fast >= options.minRateMultiple * evidence.expected;
  }
  // Warming up: the baseline is too short to measure a ratio against; a tag the job saw emerge
  // has risen from nothing, which is the evidence.
  return evidence.emerged;
}
