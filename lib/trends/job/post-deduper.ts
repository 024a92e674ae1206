/**
 * Drops posts seen before: streams redeliver after a reconnect, and a post must count once.
 *
 * An id is remembered for `horizonMs` of batch time (the longest window: a copy arriving later
 * cannot double-count any window any more). Memory is bounded by the posts of that horizon.
 *
 * The hot path runs for every post, and a `Map` of id strings kept for an hour costs a cache miss
 * per lookup and a large old generation for the GC to walk. Instead each id becomes a 64-bit
 * fingerprint (two 32-bit FNV-1a hashes with different seeds) in an open-addressing table (one
 * typed array, each slot's three numbers side by side, so a probe reads one cache line rather
 * than one per array), with the batch sequence number it was first seen in: an entry older than the
 * horizon counts as free and is reused, and the table is rebuilt from its live entries when
 * used slots pass 60 %. Memory is also bounded by `maxIds`: beyond it the oldest batches' ids are
 * forgotten before the horizon (at most `maxIds` plus one batch's ids are kept, in a table of
 * 40 to 80 bytes per id). Two distinct ids collide with odds about n² / 2⁶⁴ (≈ 10⁻⁷ for the
 * 1.4 M ids of an hour at 400 posts/s), which would drop one post.
 */
const MIN_CAPACITY = 1 << 12;

/** What a checkpoint keeps of the deduper: its live fingerprints only, as typed arrays. */
export interface PostDeduperSnapshot {
  batch: number;
  batchTime: number;
  expiredBatch: number;
  /** `[batchTime, new ids]` of the batches still within the horizon, oldest first. */
  recent: [number, number][];
  high: Int32Array;
  low: Int32Array;
  batchOf: Int32Array;
}
const MAX_LOAD = 0.6;
/** A slot's numbers in the table: the two hashes, then the batch sequence number (0: never used). */
const SLOT_WIDTH = 3;
const HIGH = 0;
const LOW = 1;
const BATCH = 2;

export class PostDeduper {
  private capacity = MIN_CAPACITY;
  /** `SLOT_WIDTH` numbers per slot: high hash, low hash, batch sequence number (from 1) of the id. */
  private table = new Int32Array(MIN_CAPACITY * SLOT_WIDTH);
  private usedSlots = 0;
  private batch = 0;
  private batchTime = -Infinity;
  /** Sequence numbers ≤ this are older than the horizon: their slots are free. */
  private expiredBatch = 0;
  /** Batch time and new ids of each batch still within the horizon, oldest first. */
  private readonly recent: { batchTime: number; ids: number }[] = [];
  private recentHead = 0;
  private live = 0;

  constructor(
    private readonly horizonMs: number,
    private readonly maxIds = Infinity,
  ) {}

  /** Starts the batch of `batchTime` (non-decreasing) and forgets ids older than the horizon. */
  beginBatch(batchTime: number): void {
    if (batchTime !== this.batchTime) {
      this.batchTime = batchTime;
      this.batch++;
      this.recent.push({ batchTime, ids: 0 });
    }
    const oldestKeptMs = batchTime - this.horizonMs;
    while (this.recentHead < this.recent.length) {
      const oldest = this.recent[this.recentHead]!;
      const beyondBound = this.live > this.maxIds && this.recentHead < this.recent.length - 1;
      if (oldest.batchTime > oldestKeptMs && !beyondBound) break;
      this.live -= oldest.ids;
      this.expiredBatch = this.batch - (this.recent.length - this.recentHead) + 1;
      this.recentHead++;
    }
    if (this.recentHead > 1024) {
      this.recent.splice(0, this.recentHead);
      this.recentHead = 0;
    }
  }

  /** True the first time `id` is seen within the horizon; false for a duplicate. */
  admit(id: string): boolean {
    let high = 0x811c9dc5;
    let low = 0x01000193 ^ id.length;
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      high = Math.imul(high ^ code, 0x01000193);
      low = Math.imul(low ^ code, 0x5bd1e995);
    }
    low ^= low >>> 15;
    const mask = this.capacity - 1;
    const table = this.table;
    let free = -1;
    for (let slot = (high ^ (low >>> 7)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_WIDTH;
      const batch = table[at + BATCH]!;
      if (batch === 0) {
        if (free === -1) free = at;
        break;
      }
      if (batch <= this.expiredBatch) {
        if (free === -1) free = at;
      } else if (table[at + HIGH] === high && table[at + LOW] === low) {
        return false;
      }
    }
    if (table[free + BATCH] === 0) this.usedSlots++;
    table[free + HIGH] = high;
    table[free + LOW] = low;
    table[free + BATCH] = this.batch;
    this.live++;
    this.recent[this.recent.length - 1]!.ids++;
    if (this.usedSlots > this.capacity * MAX_LOAD) this.rebuild();
    return true;
  }

  /** Ids remembered right now. */
  get size(): number {
    return this.live;
  }

  /** The live entries and batch bookkeeping (between batches). */
  snapshot(): PostDeduperSnapshot {
    const table = this.table;
    let live = 0;
    for (let at = BATCH; at < table.length; at += SLOT_WIDTH)
      if (table[at]! > this.expiredBatch) live++;
    const high = new Int32Array(live);
    const low = new Int32Array(live);
    const batchOf = new Int32Array(live);
    let index = 0;
    for (let at = 0; at < table.length; at += SLOT_WIDTH) {
      if (table[at + BATCH]! <= this.expiredBatch) continue;
      high[index] = table[at + HIGH]!;
      low[index] = table[at + LOW]!;
      batchOf[index++] = table[at + BATCH]!;
    }
    const recent = this.recent
      .slice(this.recentHead)
      .map(({ batchTime, ids }): [number, number] => [batchTime, ids]);
    const { batch, batchTime, expiredBatch } = this;
    return { batch, batchTime, expiredBatch, recent, high, low, batchOf };
  }

  /** Loads a `snapshot()` into this fresh deduper; throws on malformed input. */
  restore(snapshot: PostDeduperSnapshot): void {
    const { high, low, batchOf, recent } = snapshot;
    if (!(high instanceof Int32Array) || !(low instanceof Int32Array)) {
      throw new TypeError('deduper snapshot: fingerprints must be Int32Arrays');
    }
    if (
      !(batchOf instanceof Int32Array) ||
      high.length !== low.length ||
      low.length !== batchOf.length
    ) {
      throw new TypeError('deduper snapshot: fingerprint arrays differ in length');
    }
    this.batch = snapshot.batch;
    this.batchTime = snapshot.batchTime;
    this.expiredBatch = snapshot.expiredBatch;
    this.recent.length = 0;
    this.recentHead = 0;
    for (const [batchTime, ids] of recent) this.recent.push({ batchTime, ids });
    this.live = batchOf.length;
    const table = new Int32Array(batchOf.length * SLOT_WIDTH);
    for (let index = 0; index < batchOf.length; index++) {
      table[index * SLOT_WIDTH + HIGH] = high[index]!;
      table[index * SLOT_WIDTH + LOW] = low[index]!;
      table[index * SLOT_WIDTH + BATCH] = batchOf[index]!;
    }
    this.table = table;
    this.rebuild();
  }

  /** Re-inserts the live entries into a table sized for them (expired slots become free). */
  private rebuild(): void {
    const old = this.table;
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < this.live * 2) capacity *= 2;
    this.capacity = capacity;
    const table = (this.table = new Int32Array(capacity * SLOT_WIDTH));
    this.usedSlots = 0;
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += SLOT_WIDTH) {
      if (old[from + BATCH]! <= this.expiredBatch) continue;
      const high = old[from + HIGH]!;
      const low = old[from + LOW]!;
      let slot = (high ^ (low >>> 7)) & mask;
      while (table[slot * SLOT_WIDTH + BATCH] !== 0) slot = (slot + 1) & mask;
      const at = slot * SLOT_WIDTH;
      table[at + HIGH] = high;
      table[at + LOW] = low;
      table[at + BATCH] = old[from + BATCH]!;
      this.usedSlots++;
    }
  }
}
