import { Random } from '@/scripts/fixture/random';
import type { ParsedPost } from '@/lib/trends/types';
import { burstRateAt } from './scenario-plan';
import type { BurstSpec, DecoySpec, ScenarioPlan } from './scenario-types';

const DAY_MS = 24 * 60 * 60_000;

/** Per background tag: base rate and drift. */
interface BackgroundTag {
  spelling: string;
  key: string;
  perSec: number;
  periodMs: number;
  phase: number;
  lastOriginal: string | undefined;
}

/**
 * The posts of a plan, batch by batch: `postsOfBatch(batchMs)` draws the posts of the interval
 * ending at `batchMs` (Poisson counts from each source's rate). Deterministic for a seed when the
 * batches are asked for in order.
 */
export class ScenarioStream {
  private readonly random: Random;
  private readonly tags: BackgroundTag[];
  private nextId = 0;
  /** Recent original posts per burst or decoy tag, for their retweets. */
  private readonly originals = new Map<string, string[]>();

  constructor(private readonly plan: ScenarioPlan) {
    this.random = new Random(plan.seed ^ 0x5eed);
    this.tags = backgroundTags(plan, this.random);
  }

  postsOfBatch(batchMs: number): ParsedPost[] {
    const { plan } = this;
    const intervalSec = plan.batchIntervalMs / 1_000;
    const posts: ParsedPost[] = [];
    const { yesterday } = plan;
    const isYesterday = batchMs > yesterday.startMs && batchMs <= yesterday.endMs;
    const isToday = batchMs > plan.todayMs && batchMs <= plan.todayMs + plan.durationMs;
    const scale = isYesterday ? yesterday.backgroundScale : isToday ? 1 : 0;
    if (scale > 0) this.background(posts, batchMs, scale * intervalSec);
    if (isToday) {
      for (const burst of plan.bursts) this.burst(posts, burst, batchMs, intervalSec);
    }
    for (const decoy of plan.decoys) {
      if (isToday) this.decoy(posts, decoy, batchMs, intervalSec);
      if (isYesterday && decoy.kind === 'daily') {
        const shifted = { ...decoy, startMs: decoy.startMs - DAY_MS, endMs: decoy.endMs - DAY_MS };
        this.decoy(posts, shifted, batchMs, intervalSec);
      }
    }
    return posts;
  }

  private background(posts: ParsedPost[], batchMs: number, seconds: number): void {
    const { accounts, driftAmplitude, retweetShare } = this.plan.background;
    for (const tag of this.tags) {
      const drift =
        1 + driftAmplitude * Math.sin((2 * Math.PI * batchMs) / tag.periodMs + tag.phase);
      const count = poisson(this.random, tag.perSec * drift * seconds);
      for (let index = 0; index < count; index++) {
        const author = `u${this.random.int(accounts)}`;
        const retweetOf =
          tag.lastOriginal !== undefined && this.random.chance(retweetShare)
            ? tag.lastOriginal
            : undefined;
        const post = this.post(author, tag.spelling, tag.key, retweetOf);
        if (retweetOf === undefined) tag.lastOriginal = post.id;
        posts.push(post);
      }
    }
  }

  private burst(posts: ParsedPost[], burst: BurstSpec, batchMs: number, seconds: number): void {
    const count = poisson(this.random, burstRateAt(burst, batchMs) * seconds);
    const people = Math.max(60, Math.round(burst.peakPerSec * 300));
    for (let index = 0; index < count; index++) {
      const author = `${burst.tag}-fan${this.random.int(people)}`;
      posts.push(this.crowdPost(burst.tag, author, burst.retweetShare));
    }
  }

  private decoy(posts: ParsedPost[], decoy: DecoySpec, batchMs: number, seconds: number): void {
    if (batchMs <= decoy.startMs || batchMs > decoy.endMs) return;
    const ramp = decoy.rampMs > 0 ? Math.min(1, (batchMs - decoy.startMs) / decoy.rampMs) : 1;
    const count = poisson(this.random, decoy.perSec * ramp * seconds);
    const account = () => `${decoy.tag}-acct${this.random.int(decoy.accounts)}`;
    for (let index = 0; index < count; index++) {
      if (decoy.kind === 'retweet ring') {
        posts.push(
          this.post(account(), decoy.tag, decoy.tag.toLowerCase(), `${decoy.tag}-the-post`),
        );
      } else if (decoy.kind === 'small ring') {
        posts.push(this.crowdPost(decoy.tag, account(), 0.5));
      } else {
        posts.push(
          this.crowdPost(decoy.tag, account(), decoy.kind === 'one-author spam' ? 0 : 0.25),
        );
      }
    }
  }

  /** A post of `spelling` by `author`: a retweet of one of its recent originals, or an original. */
  private crowdPost(spelling: string, author: string, retweetShare: number): ParsedPost {
    const recent = this.originals.get(spelling) ?? [];
    if (recent.length > 0 && this.random.chance(retweetShare)) {
      return this.post(author, spelling, spelling.toLowerCase(), this.random.pick(recent));
    }
    const post = this.post(author, spelling, spelling.toLowerCase(), undefined);
    recent.push(post.id);
    if (recent.length > 20) recent.shift();
    this.originals.set(spelling, recent);
    return post;
  }

  private post(
    author: string,
    spelling: string,
    key: string,
    retweetOf: string | undefined,
  ): ParsedPost {
    const id = `p${this.nextId++}`;
    return {
      id,
      authorId: author,
      isRetweet: retweetOf !== undefined,
      retweetOf,
      tags: [{ key, spelling }],
    };
  }
}

function backgroundTags(plan: ScenarioPlan, random: Random): BackgroundTag[] {
  const { tags, postsPerSec, zipfExponent, driftPeriodMinMs, driftPeriodMaxMs } = plan.background;
  let harmonic = 0;
  for (let rank = 1; rank <= tags; rank++) harmonic += rank ** -zipfExponent;
  return Array.from({ length: tags }, (_, index) => ({
    spelling: `Topic${index + 1}`,
    key: `topic${index + 1}`,
    perSec: (postsPerSec * (index + 1) ** -zipfExponent) / harmonic,
    periodMs: driftPeriodMinMs + random.next() * (driftPeriodMaxMs - driftPeriodMinMs),
    phase: random.next() * 2 * Math.PI,
    lastOriginal: undefined,
  }));
}

/** A Poisson draw of mean `mean` (Knuth's method; a normal approximation above 30). */
function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const normal =
      Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}
