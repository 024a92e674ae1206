/** The aggregate's inner structure, items saved by the caller's function. */
export interface SlidingAggregateSnapshot<S> {
  /** Front suffix combinations still held, oldest first. */
  front: S[];
  back: S[];
  /** The back's combination when it holds more than one item (else it is the item itself). */
  backCombined: S | null;
}

/**
 * A FIFO of items with the combination of all of them at hand, for an associative `combine`
 * that cannot be undone (merging Space-Saving summaries): the "two stacks" sliding-window
 * aggregation. New items join the back, whose running combination grows by one `combine` per
 * push; the front holds suffix combinations, so dropping the oldest item is free. When the front
 * runs out, the back is turned into suffix combinations once: O(1) amortised `combine` per item,
 * instead of recombining the whole window every time it slides.
 */
export class SlidingAggregate<T> {
  /** `front[i]` combines front item i and everything newer in the front; oldest at `head`. */
  private front: T[] = [];
  private head = 0;
  private back: T[] = [];
  private backCombined: T | undefined = undefined;

  /** `combine(older, newer)`: associative, never mutating its arguments. */
  constructor(private readonly combine: (older: T, newer: T) => T) {}

  get length(): number {
    return this.front.length - this.head + this.back.length;
  }

  push(item: T): void {
    this.back.push(item);
    this.backCombined =
      this.backCombined === undefined ? item : this.combine(this.backCombined, item);
  }

  /** Drops the oldest item (and lets go of it at once); no-op when empty. */
  shift(): void {
    if (this.head === this.front.length) this.flip();
    if (this.head < this.front.length) this.front[this.head++] = undefined as T;
  }

  /** The combination of every item, oldest to newest; undefined when empty. */
  combined(): T | undefined {
    const frontCombined = this.head < this.front.length ? this.front[this.head] : undefined;
    if (frontCombined === undefined) return this.backCombined;
    if (this.backCombined === undefined) return frontCombined;
    return this.combine(frontCombined, this.backCombined);
  }

  /** Every value held (front suffixes, back items, back combination): to measure memory. */
  held(): T[] {
    const held = [...this.front.slice(this.head), ...this.back];
    if (this.back.length > 1) held.push(this.backCombined!);
    return held;
  }

  /**
   * The exact structure (not only the items): combining is associative but merges of bounded
   * summaries are not equal across groupings, so a restored aggregate must combine the same way.
   */
  snapshot<S>(save: (item: T) => S): SlidingAggregateSnapshot<S> {
    return {
      front: this.front.slice(this.head).map(save),
      back: this.back.map(save),
      backCombined: this.back.length > 1 ? save(this.backCombined!) : null,
    };
  }

  /** Loads a `snapshot()` into this (empty) aggregate. */
  restore<S>(snapshot: SlidingAggregateSnapshot<S>, load: (saved: S) => T): void {
    this.front = snapshot.front.map(load);
    this.head = 0;
    this.back = snapshot.back.map(load);
    if (this.back.length > 1 && snapshot.backCombined === null) {
      throw new TypeError('sliding aggregate snapshot: the back combination is missing');
    }
    this.backCombined = this.back.length > 1 ? load(snapshot.backCombined!) : this.back[0];
  }

  private flip(): void {
    const suffixes: T[] = new Array<T>(this.back.length);
    for (let index = this.back.length - 1; index >= 0; index--) {
      const item = this.back[index]!;
      suffixes[index] =
        index === this.back.length - 1 ? item : this.combine(item, suffixes[index + 1]!);
    }
    this.front = suffixes;
    this.head = 0;
    this.back = [];
    this.backCombined = undefined;
  }
}
