/**
 * The trending score: how far a hashtag's recent rate is above its own baseline, in Poisson
 * standard deviations. It rewards acceleration, not volume: a tag steady at 1,000 posts a minute
 * scores about 0, a tag going from 2 to 60 a minute scores high.
 *
 * Per key the job keeps two exponentially decayed counts of weighted posts, at batch time t:
 *
 *     F(t) = Σ wᵢ · 2^(−(t − tᵢ) / H_fast)      H_fast = 1 min   (the recent rate)
 *     S(t) = Σ wᵢ · 2^(−(t − tᵢ) / H_slow)      H_slow = 15 min  (the baseline)
 *
 * summed over the key's posts i at batch times tᵢ, with weight wᵢ = 1 for a post and 0.5 for a
 * retweet, and each author contributing at most `authorPostsPerBatch` posts per key per batch.
 * For a steady rate r (posts/ms), F → r·τ_fast and S → r·τ_slow with τ = H / ln 2 (the mean
 * lifetime), so the decayed rates are F/τ_fast and S/τ_slow.
 *
 * Observed = F is the count in the fast horizon; Expected is what the baseline rate predicts
 * over that same horizon. After the job has run long enough, Expected = S · τ_fast/τ_slow =
 * S · H_fast/H_slow. Both sums start at 0 when the job starts, and S, the slower one, would
 * under-state the baseline of every tag for its first half hour (a steady tag would look like it
 * is rising). So, as in the bias correction of Adam's moment estimates, each sum is divided by
 * the weight it can have gathered since the job started (age A):
 *
 *     W(H) = τ · (1 − 2^(−A / H))          Expected = S · W(H_fast) / W(H_slow)
 *
 * which tends to S · H_fast/H_slow as A grows and to S (the same count) at A ≈ 0. A tag that
 * appears long after the start is not corrected: its zeros before it appeared are real. Then
 *
 *     score = (Observed − Expected) / √(Expected + prior)
 *
 * a Poisson z-score whose `prior` pseudo-count (5 posts) keeps tags with a handful of posts from
 * exploding (with no baseline, 3 posts would otherwise score 3/√0). The score is in standard
 * deviations: 0 for a steady tag, positive while accelerating, negative while cooling down.
 *
 * A tag is only ranked when it passes the gates: at least `minPosts` posts (5) and
 * `minAuthors` distinct authors (3) in the shortest window.
 */
export interface TrendingScoreOptions {
  fastHalfLifeMs: number;
  slowHalfLifeMs: number;
  /** Pseudo-count added to Expected under the square root. */
  priorPosts: number;
}

export const DEFAULT_SCORE_OPTIONS: TrendingScoreOptions = {
  fastHalfLifeMs: 60_000,
  slowHalfLifeMs: 15 * 60_000,
  priorPosts: 5,
};

/** Weight a decayed sum can have gathered in `ageMs` at a rate of 1 post/ms: τ·(1 − 2^(−A/H)). */
export function gatheredWeight(ageMs: number, halfLifeMs: number): number {
  return (halfLifeMs / Math.LN2) * (1 - Math.pow(2, -ageMs / halfLifeMs));
}

/** Expected / S: the share of the slow sum the fast horizon should hold, `ageMs` after the start. */
export function expectedShare(ageMs: number, options: TrendingScoreOptions): number {
  return (
    gatheredWeight(ageMs, options.fastHalfLifeMs) / gatheredWeight(ageMs, options.slowHalfLifeMs)
  );
}

/** The score of decayed counts `fast` = F(t) and `slow` = S(t), `ageMs` after the job started. */
export function trendingScore(
  fast: number,
  slow: number,
  ageMs = Infinity,
  options: TrendingScoreOptions = DEFAULT_SCORE_OPTIONS,
): number {
  return scoreWithShare(fast, slow, expectedShare(ageMs, options), options.priorPosts);
}

/** The score given `expectedShare` (computed once per batch). */
export function scoreWithShare(
  fast: number,
  slow: number,
  share: number,
  priorPosts: number,
): number {
  const expected = slow * share;
  return (fast - expected) / Math.sqrt(expected + priorPosts);
}

/** `2^(−elapsedMs / halfLifeMs)`: how much of a decayed count survives `elapsedMs`. */
export function decayFactor(elapsedMs: number, halfLifeMs: number): number {
  return Math.pow(2, -elapsedMs / halfLifeMs);
}
