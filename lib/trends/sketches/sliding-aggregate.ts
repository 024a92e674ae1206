/** The aggregate's inner structure, items saved by the caller's function. */
export interface SlidingAggregateSnapshot<S> {
  /** Front suffix combinations still held, oldest first. */
  front: S[];
  /**
   * The items being turned into the next front, oldest first, and their running combination when
   * they are more than one. Absent in checkpoints written before the turning was spread.
   */
  middle?: { items: S[]; combined: S | null };
  back: S[];
  /** The back's combination when it holds more than one item (else it is the item itself). */
  backCombined: S | null;
}

/**
 * A FIFO of items with the combination of all of them at hand, for an associative `combine`
 * that cannot be undone (merging Space-Saving summaries): the "two stacks" sliding-window
 * aggregation, with its flip spread over time.
 *
 * Items join the back, whose running combination grows by one `combine` per push; the front
 * holds suffix combinations, so dropping the oldest item is free. The plain algorithm turns the
 * whole back into suffixes at once when the front runs out: O(1) amortised, but one call then
 * does a window's worth of combines (an hour's panes of 20,000 counters: seconds). Here the back
 * is set aside as the middle well before the front runs out, once it holds as many items as will
 * be shifted before the front is needed (`span`, the items the window holds, tells when that
 * is); `step()` then turns it one suffix at a time, and combines ahead the front's next suffix
 * with the middle, so that a push, a shift or `combined()` does at most two combines while the
 * caller gives at least two steps between shifts. Without steps, a shift that finds the front
 * empty finishes the middle at once, as the plain algorithm does.
 *
 * What an item's combination is depends only on the pushes and shifts, never on when steps ran:
 * the same calls give the same combinations whatever the steps (and a restored aggregate combines
 * as the saved one would have).
 */
export class SlidingAggregate<T> {
  /** `front[i]` combines front item i and everything newer in the front; oldest at `head`. */
  private front: T[] = [];
  private head = 0;
  /** `frontWithMiddle[i]`: `front[i]` combined with `middleCombined`, made ahead by `step()`. */
  private frontWithMiddle: (T | undefined)[] = [];
  private middle: T[] = [];
  private middleCombined: T | undefined = undefined;
  /** The middle's suffix combinations, made from the newest: valid from `middleTurnedFrom` on. */
  private middleSuffixes: T[] = [];
  private middleTurnedFrom = 0;
  private back: T[] = [];
  private backCombined: T | undefined = undefined;

  /**
   * `combine(older, newer)`: associative, never mutating its arguments. `span`: how many items
   * the caller keeps at most (it shifts once a push goes beyond), which tells when to set the
   * back aside.
   */
  constructor(
    private readonly combine: (older: T, newer: T) => T,
    private readonly span: number,
  ) {}

  get length(): number {
    return this.frontLength + this.middle.length + this.back.length;
  }

  push(item: T): void {
    this.back.push(item);
    this.backCombined =
      this.backCombined === undefined ? item : this.combine(this.backCombined, item);
    this.maybeSetBackAside();
  }

  /** Drops the oldest item (and lets go of it at once); no-op when empty. */
  shift(): void {
    if (this.frontLength === 0) this.promoteMiddle();
    if (this.frontLength > 0) {
      this.front[this.head] = undefined as T;
      this.frontWithMiddle[this.head] = undefined;
      this.head++;
    }
    this.maybeSetBackAside();
  }

  /** The combination of every item, oldest to newest; undefined when empty. */
  combined(): T | undefined {
    const older = this.frontLength > 0 ? this.frontAndMiddle(this.head) : this.middleCombined;
    if (older === undefined) return this.backCombined;
    if (this.backCombined === undefined) return older;
    return this.combine(older, this.backCombined);
  }

  /**
   * Does one combine of the work ahead, if any: the middle's next suffix, else the front's next
   * suffixes combined with the middle. False when nothing is left to do.
   */
  step(): boolean {
    if (this.middleTurnedFrom > 0) {
      this.turnOneMiddleItem();
      return true;
    }
    if (this.middle.length === 0) return false;
    for (let index = this.head; index < this.head + 2 && index < this.front.length; index++) {
      if (this.frontWithMiddle[index] !== undefined) continue;
      this.frontAndMiddle(index);
      return true;
    }
    return false;
  }

  /** Every value held (suffixes, items, running and ahead combinations): to measure memory. */
  held(): T[] {
    const held = [...this.front.slice(this.head), ...this.middle, ...this.back];
    for (const value of this.frontWithMiddle) if (value !== undefined) held.push(value);
    held.push(...this.middleSuffixes.slice(this.middleTurnedFrom, this.middle.length - 1));
    if (this.middle.length > 1) held.push(this.middleCombined!);
    if (this.back.length > 1) held.push(this.backCombined!);
    return held;
  }

  /**
   * The exact structure (not only the items): combining is associative but merges of bounded
   * summaries are not equal across groupings, so a restored aggregate must combine the same way.
   * The middle's suffixes and the combinations made ahead are left out: they are made again,
   * equal, from what is saved.
   */
  snapshot<S>(save: (item: T) => S): SlidingAggregateSnapshot<S> {
    return {
      front: this.front.slice(this.head).map(save),
      middle: {
        items: this.middle.map(save),
        combined: this.middle.length > 1 ? save(this.middleCombined!) : null,
      },
      back: this.back.map(save),
      backCombined: this.back.length > 1 ? save(this.backCombined!) : null,
    };
  }

  /** Loads a `snapshot()` into this (empty) aggregate. */
  restore<S>(snapshot: SlidingAggregateSnapshot<S>, load: (saved: S) => T): void {
    this.front = snapshot.front.map(load);
    this.head = 0;
    this.frontWithMiddle = [];
    const middle = snapshot.middle ?? { items: [], combined: null };
    const items = middle.items.map(load);
    this.setMiddle(items, restoredCombination(items, middle.combined, load, 'middle'));
    this.back = snapshot.back.map(load);
    this.backCombined = restoredCombination(this.back, snapshot.backCombined, load, 'back');
  }

  private get frontLength(): number {
    return this.front.length - this.head;
  }

  /** `front[index]` combined with the middle (made once, then kept until the shift past it). */
  private frontAndMiddle(index: number): T {
    if (this.middle.length === 0) return this.front[index]!;
    let value = this.frontWithMiddle[index];
    if (value === undefined) {
      value = this.combine(this.front[index]!, this.middleCombined!);
      this.frontWithMiddle[index] = value;
    }
    return value;
  }

  /**
   * Sets the back aside as the middle once it holds as many items as will be shifted before the
   * front runs out (the front's items, and the room left under `span`): turning it then takes
   * at most one step per shift to come.
   */
  private maybeSetBackAside(): void {
    if (this.middle.length > 0 || this.back.length === 0) return;
    const shiftsBeforeNeeded = this.frontLength + Math.max(0, this.span - this.length);
    if (this.back.length >= shiftsBeforeNeeded) this.setBackAside();
  }

  private setBackAside(): void {
    this.setMiddle(this.back, this.backCombined);
    this.back = [];
    this.backCombined = undefined;
  }

  /** The middle's items and running combination; its suffixes are then made from the newest. */
  private setMiddle(items: T[], combined: T | undefined): void {
    this.middle = items;
    this.middleCombined = combined;
    this.middleSuffixes = new Array<T>(items.length);
    this.middleTurnedFrom = Math.max(0, items.length - 1);
    if (items.length > 0) this.middleSuffixes[items.length - 1] = items[items.length - 1]!;
  }

  private turnOneMiddleItem(): void {
    const index = --this.middleTurnedFrom;
    this.middleSuffixes[index] = this.combine(this.middle[index]!, this.middleSuffixes[index + 1]!);
  }

  /** The front ran out: the middle (turned now if steps did not finish it) becomes the front. */
  private promoteMiddle(): void {
    if (this.middle.length === 0) {
      // Nothing set aside (more items than `span`): the plain flip of the back.
      if (this.back.length === 0) return;
      this.setBackAside();
    }
    while (this.middleTurnedFrom > 0) this.turnOneMiddleItem();
    this.front = this.middleSuffixes;
    this.head = 0;
    this.frontWithMiddle = [];
    this.setMiddle([], undefined);
  }
}

/** A restored running combination: the item itself when one, the saved one when more. */
function restoredCombination<S, T>(
  items: readonly T[],
  saved: S | null,
  load: (saved: S) => T,
  part: string,
): T | undefined {
  if (items.length <= 1) return items[0];
  if (saved === null) {
    throw new TypeError(`sliding aggregate snapshot: the ${part}'s combination is missing`);
  }
  return load(saved);
}
