/**
 * A trending scenario with its ground truth: a background of ordinary tags, injected bursts that
 * should trend, and decoys that never should. Times are ms on the scenario's clock; the evaluated
 * stretch ("today") starts at `todayMs` and lasts `durationMs`.
 */

/** How a rate rises and falls: `ramp` rises linearly over `rampMs`, `step` starts at full rate. */
export type BurstShape = 'ramp' | 'step' | 'spike';

/** A tag that should trend: new or rare, posted by many people at `peakPerSec` at its peak. */
export interface BurstSpec {
  tag: string;
  shape: BurstShape;
  startMs: number;
  rampMs: number;
  peakMs: number;
  declineMs: number;
  peakPerSec: number;
  /** Share of its posts that are retweets of its earlier posts. */
  retweetShare: number;
  /** True when the tag already exists, rarely, in the background. */
  rare: boolean;
}

export type DecoyKind =
  'one-author spam' | 'steady large' | 'retweet ring' | 'small ring' | 'daily';

/** A tag that must never be listed under "Trending now". */
export interface DecoySpec {
  tag: string;
  kind: DecoyKind;
  /** Short description for the report (e.g. `k = 12`). */
  detail: string;
  startMs: number;
  endMs: number;
  /** Posts per second while active (the daily decoy ramps to it over `rampMs`). */
  perSec: number;
  /** Accounts posting it (1 for spam, k for rings). */
  accounts: number;
  rampMs: number;
}

export interface BackgroundSpec {
  tags: number;
  postsPerSec: number;
  /** Zipf exponent of the tags' popularity. */
  zipfExponent: number;
  /** Each tag's rate drifts as a sine of this relative amplitude (0.3 = ±30 %). */
  driftAmplitude: number;
  driftPeriodMinMs: number;
  driftPeriodMaxMs: number;
  /** Share of background posts that retweet an earlier post of the same tag. */
  retweetShare: number;
  /** Accounts the background draws from. */
  accounts: number;
}

export interface ScenarioPlan {
  seed: number;
  batchIntervalMs: number;
  /** Start of the evaluated stretch; the daily decoy also ran one day before. */
  todayMs: number;
  durationMs: number;
  /** Yesterday's stretch, replayed before a quiet night so the daily decoy has a history. */
  yesterday: { startMs: number; endMs: number; backgroundScale: number };
  background: BackgroundSpec;
  bursts: BurstSpec[];
  decoys: DecoySpec[];
}
