/** The pairs in order of last sighting, as `key\0member`, with `lastMs, countedMs, hits` each. */
export interface RecentSightingsSnapshot {
  pairs: string[];
  numbers: Float64Array;
}

/** One (key, member) pair seen within the window. */
export interface Sighting {
  key: string;
  member: string;
  /** Batch of the latest sighting; the pair leaves the window `windowMs` after it. */
  lastMs: number;
  /** Batch in which the pair last counted as evidence (-Infinity: never). */
  countedMs: number;
  /** Sightings since the pair entered the window. */
  hits: number;
}

/**
 * The distinct (key, member) pairs seen in the last `windowMs`, with a count of distinct members
 * per key: authors per hashtag, original posts per hashtag. Pairs are held per key, in a map of
 * members (its size is the key's distinct members), so a sighting costs two lookups of strings
 * the post already holds and builds none. Expiry follows a queue of sightings in order of their
 * last sighting: a sighting in a new batch is queued again, and only the entry of its latest
 * batch counts (the earlier ones are skipped), so expiry costs only what expires. Memory is
 * bounded by the pairs of one window (and their sightings' batches), and everything is plain
 * data.
 */
export class RecentSightings {
  private readonly byKey = new Map<string, Map<string, Sighting>>();
  /** Sightings at the batch each was queued in (`queuedMs`), oldest first from `head`. */
  private queue: Sighting[] = [];
  private queuedMs: number[] = [];
  private head = 0;
  private pairCount = 0;

  constructor(private readonly windowMs: number) {}

  /** Records `member` on `key` at `batchMs` and returns the pair's record (hits included). */
  sight(key: string, member: string, batchMs: number): Sighting {
    let members = this.byKey.get(key);
    if (members === undefined) this.byKey.set(key, (members = new Map()));
    const known = members.get(member);
    if (known !== undefined) {
      known.hits++;
      if (known.lastMs !== batchMs) {
        known.lastMs = batchMs;
        this.enqueue(known, batchMs);
      }
      return known;
    }
    const sighting: Sighting = { key, member, lastMs: batchMs, countedMs: -Infinity, hits: 1 };
    members.set(member, sighting);
    this.pairCount++;
    this.enqueue(sighting, batchMs);
    return sighting;
  }

  /** Forgets the pairs last seen at or before `batchMs − windowMs`. */
  expire(batchMs: number): void {
    const sinceMs = batchMs - this.windowMs;
    const { queue, queuedMs } = this;
    let head = this.head;
    for (; head < queue.length && queuedMs[head]! <= sinceMs; head++) {
      const sighting = queue[head]!;
      queue[head] = undefined as unknown as Sighting;
      // Seen again in a later batch: a later entry stands for it.
      if (sighting.lastMs !== queuedMs[head]) continue;
      const members = this.byKey.get(sighting.key);
      if (members?.get(sighting.member) !== sighting) continue;
      members.delete(sighting.member);
      if (members.size === 0) this.byKey.delete(sighting.key);
      this.pairCount--;
    }
    this.head = head;
    if (head > 1024 && head * 2 > queue.length) {
      this.queue = queue.slice(head);
      this.queuedMs = queuedMs.slice(head);
      this.head = 0;
    }
  }

  /** Distinct members of `key` seen in the window. */
  distinct(key: string): number {
    return this.byKey.get(key)?.size ?? 0;
  }

  snapshot(): RecentSightingsSnapshot {
    const pairs: string[] = [];
    const numbers = new Float64Array(this.pairCount * 3);
    for (let index = this.head; index < this.queue.length; index++) {
      const sighting = this.queue[index]!;
      if (sighting.lastMs !== this.queuedMs[index]) continue;
      numbers.set([sighting.lastMs, sighting.countedMs, sighting.hits], pairs.length * 3);
      pairs.push(`${sighting.key}\u0000${sighting.member}`);
    }
    return { pairs, numbers };
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
      const member = pairKey.slice(separator + 1);
      const [lastMs, countedMs, hits] = snapshot.numbers.subarray(index * 3, index * 3 + 3);
      const sighting = { key, member, lastMs: lastMs!, countedMs: countedMs!, hits: hits! };
      let members = this.byKey.get(key);
      if (members === undefined) this.byKey.set(key, (members = new Map()));
      if (!members.has(member)) this.pairCount++;
      members.set(member, sighting);
      this.enqueue(sighting, sighting.lastMs);
    });
  }

  /** Pairs held (for memory figures). */
  get size(): number {
    return this.pairCount;
  }

  private enqueue(sighting: Sighting, batchMs: number): void {
    this.queue.push(sighting);
    this.queuedMs.push(batchMs);
  }
}
