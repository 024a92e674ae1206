import { describe, expect, it } from 'vitest';
import { evaluateRanking } from './evaluate';
import { replayScenario } from './replay';
import { planScenario } from './scenario-plan';
import { summariseRanking } from './summary';

/**
 * The trending scenario at a fixed seed, shortened to 20 minutes with 6 bursts, as a regression
 * check on the figures of docs/trending.md (with margins: the full 40-minute runs on several
 * seeds are `npm run trending-eval`).
 */
describe('trending scenario, seed 7, 20 minutes', () => {
  it('lists every burst of ≥ 1 post/s quickly, no decoy and no ordinary tag', async () => {
    const plan = planScenario({ seed: 7, durationMs: 20 * 60_000, bursts: 6, withYesterday: true });
    const replay = await replayScenario(plan);
    expect(replay.errors).toEqual([]);
    expect(replay.posts).toBeGreaterThan(100_000);
    const app = evaluateRanking('app', plan, replay.listings, (listing) => listing.trending);
    const naive = evaluateRanking('naive', plan, replay.listings, (listing) => listing.naive);
    const summary = summariseRanking(app);

    expect(summary.recallStrong).toBe(1);
    expect(summary.medianLatencyStrongSec).toBeLessThanOrEqual(30);
    for (const burst of app.bursts.filter((burst) => burst.peakPerSec >= 1)) {
      expect(burst.latencySec, burst.tag).toBeLessThanOrEqual(60);
    }
    expect(app.falsePositiveTags).toEqual([]);
    expect(app.decoys.filter((decoy) => decoy.listedBatches > 0)).toEqual([]);
    // The scenario is a hard one: the naive ranking lists decoys and ordinary tags throughout.
    expect(summariseRanking(naive).decoyListings).toBeGreaterThan(500);
    expect(naive.falsePositivesPerHour).toBeGreaterThan(10);
    // Before the warm-up ends the view says so, then stops saying it.
    expect(replay.listings[0]!.warmUpEndsMs).toBe(plan.todayMs + 10 * 60_000);
    expect(replay.listings.at(-1)!.warmUpEndsMs).toBeNull();
  }, 180_000);
});
