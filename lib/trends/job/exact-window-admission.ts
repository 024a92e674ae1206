/**
 * A key's first and last admitted batch while it stays in the window, as the batches' sequence
 * numbers: small integers, held in the object itself, where batch times (beyond 2³¹) would each
 * take a boxed number (about 30 bytes less per key, at up to `maxKeys` keys).
 */
interface Member {
  first: number;
  last: number;
}

/** One batch still in the window: the keys it admitted and the largest count it cut. */
interface AdmittedBatch {
  /** Sequence number of the batch (one per `admit`, from 1). */
  seq: number;
  batchTime: number;
  keys: string[];
  cutMax: number;
}

/**
 * Bounds the exact windows: at most `maxKeys` distinct keys in the longest exact window (the
 * shorter ones hold a subset). Each batch's `[key, count]` pairs go through `admit` before the
 * windows: a key already in the window is always admitted, so its count stays exact; a new key
 * is admitted while there is room, the batch's largest counts first, and cut otherwise (its posts
 * of that batch are not counted in the exact windows). Below the bound nothing is cut and the
 * pairs pass unchanged.
 *
 * After a cut, a key admitted later may lack the posts it had before: at most the sum, over the
 * batches in the window before its first admitted one, of the largest count each cut (`errorOf`).
 * Keys in the window since before the cuts, the top tags of a flood of new ones, keep error 0.
 */
export class ExactWindowAdmission {
  private readonly members = new Map<string, Member>();
  private readonly batches: AdmittedBatch[] = [];
  private head = 0;
  private seq = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  admit(pairs: [string, number][], batchTime: number): [string, number][] {
    this.expire(batchTime);
    const seq = ++this.seq;
    const members = this.members;
    // Each pair's member, looked up once: reused below unless keys are cut.
    const found = new Array<Member | undefined>(pairs.length);
    let newKeys = 0;
    for (let index = 0; index < pairs.length; index++) {
      if ((found[index] = members.get(pairs[index]![0])) === undefined) newKeys++;
    }
    let admitted = pairs;
    let cutMax = 0;
    if (members.size + newKeys > this.maxKeys) ({ admitted, cutMax } = this.cut(pairs));
    const keys = new Array<string>(admitted.length);
    for (let index = 0; index < admitted.length; index++) {
      const key = (keys[index] = admitted[index]![0]);
      const member = admitted === pairs ? found[index] : members.get(key);
      if (member === undefined) members.set(key, { first: seq, last: seq });
      else member.last = seq;
    }
    this.batches.push({ seq, batchTime, keys, cutMax });
    return admitted;
  }

  /** True when a batch inside the `windowMs` ending at `batchTime` had keys cut. */
  hasCuts(windowMs: number, batchTime: number): boolean {
    for (let index = this.batches.length - 1; index >= this.head; index--) {
      const batch = this.batches[index]!;
      if (batch.batchTime <= batchTime - windowMs) break;
      if (batch.cutMax > 0) return true;
    }
    return false;
  }

  /** Most posts `key` may lack in the `windowMs` ending at `batchTime` (0 when exact). */
  errorOf(key: string, windowMs: number, batchTime: number): number {
    const first = this.members.get(key)?.first ?? Infinity;
    let error = 0;
    for (let index = this.head; index < this.batches.length; index++) {
      const batch = this.batches[index]!;
      if (batch.seq >= first) break;
      if (batch.batchTime > batchTime - windowMs) error += batch.cutMax;
    }
    return error;
  }

  /** Distinct keys in the window. */
  get size(): number {
    return this.members.size;
  }

  /** Keys in the window first, then new keys by count (highest first) while there is room. */
  private cut(pairs: [string, number][]): { admitted: [string, number][]; cutMax: number } {
    const kept: [string, number][] = [];
    const fresh: [string, number][] = [];
    for (const pair of pairs) (this.members.has(pair[0]) ? kept : fresh).push(pair);
    fresh.sort((a, b) => b[1] - a[1]);
    const room = Math.max(0, this.maxKeys - this.members.size);
    for (let index = 0; index < fresh.length && index < room; index++) kept.push(fresh[index]!);
    return { admitted: kept, cutMax: fresh[room]?.[1] ?? 0 };
  }

  /** Drops the batches that left the window, and their keys not admitted since. */
  private expire(batchTime: number): void {
    const oldestKeptMs = batchTime - this.windowMs;
    while (this.head < this.batches.length && this.batches[this.head]!.batchTime <= oldestKeptMs) {
      const batch = this.batches[this.head]!;
      for (const key of batch.keys) {
        if (this.members.get(key)?.last === batch.seq) this.members.delete(key);
      }
      this.batches[this.head++] = undefined as unknown as AdmittedBatch;
    }
    if (this.head > 1024) {
      this.batches.splice(0, this.head);
      this.head = 0;
    }
  }
}
