/** The pairs in order of last sighting, as `key\0member`, with `lastMs, countedMs, hits` each. */
export interface RecentSightingsSnapshot {
  pairs: string[];
  numbers: Float64Array;
}

/** One (key, member) pair seen within the window. */
export interface Sighting {
  key: string;
  /** Batch of the latest sighting; the pair leaves the window `windowMs` after it. */
  lastMs: number;
  /** Batch in which the pair last counted as evidence (-Infinity: never). */
  countedMs: number;
  /** Sightings since the pair entered the window. */
  hits: number;
}

/**
 * The distinct (key, member) pairs seen in the last `windowMs`, with a count of distinct members
 * per key: authors per hashtag, original posts per hashtag. Pairs are kept in order of their last
 * sighting (a sighting moves its pair to the end), so expiry removes from the front and costs only
 * what expires. Memory is bounded by the pairs of one window, and everything is plain data.
 */
export class RecentSightings {
  private readonly pairs = new Map<string, Sighting>();
  private readonly perKey = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records `member` on `key` at `batchMs` and returns the pair's record (hits included). */
  sight(key: string, member: string, batchMs: number): Sighting {
    const pairKey = `${key}\u0000${member}`;
    const known = this.pairs.get(pairKey);
    if (known !== undefined) {
      known.hits++;
      if (known.lastMs !== batchMs) {
        known.lastMs = batchMs;
        this.pairs.delete(pairKey);
        this.pairs.set(pairKey, known);
      }
      return known;
    }
    const sighting: Sighting = { key, lastMs: batchMs, countedMs: -Infinity, hits: 1 };
    this.pairs.set(pairKey, sighting);
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    return sighting;
  }

  /** Forgets the pairs last seen at or before `batchMs − windowMs`. */
  expire(batchMs: number): void {
    const sinceMs = batchMs - this.windowMs;
    for (const [pairKey, sighting] of this.pairs) {
      if (sighting.lastMs > sinceMs) break;
      this.pairs.delete(pairKey);
      const left = this.perKey.get(sighting.key)! - 1;
      if (left === 0) this.perKey.delete(sighting.key);
      else this.perKey.set(sighting.key, left);
    }
  }

  /** Distinct members of `key` seen in the window. */
  distinct(key: string): number {
    return this.perKey.get(key) ?? 0;
  }

  snapshot(): RecentSightingsSnapshot {
    const numbers = new Float64Array(this.pairs.size * 3);
    let at = 0;
    for (const sighting of this.pairs.values()) {
      numbers.set([sighting.lastMs, sighting.countedMs, sighting.hits], at);
      at += 3;
    }
    return { pairs: [...this.pairs.keys()], numbers };
  }

  /** Loads a `snapshot()` into this empty instance; throws on malformed input. */
  restore(snapshot: RecentSightingsSnapshot): void {
    if (snapshot.numbers.length !== snapshot.pairs.length * 3) {
      throw new TypeError('sightings snapshot: columns differ in length');
    }
    snapshot.pairs.forEach((pairKey, index) => {
      const separator = pairKey.indexOf('\u0000');
      if (separator < 0) throw new TypeError('sightings snapshot: a pair without its key');
      const key = pairKey.slice(0, separator);
      const [lastMs, countedMs, hits] = snapshot.numbers.subarray(index * 3, index * 3 + 3);
      this.pairs.set(pairKey, { key, lastMs: lastMs!, countedMs: countedMs!, hits: hits! });
      this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    });
  }

  /** Pairs held (for memory figures). */
  get size(): number {
    return this.pairs.size;
  }
}
