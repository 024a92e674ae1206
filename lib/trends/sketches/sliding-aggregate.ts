import { RunningCombination } from './running-combination';

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
 * aggregation, with its work spread over time.
 *
 * Items join the back, with its running combination; the front holds suffix combinations, so
 * dropping the oldest item is free. The plain algorithm turns the whole back into suffixes at
 * once when the front runs out: O(1) amortised, but one call then does a window's worth of
 * combines (an hour's panes of 20,000 counters: seconds). Here the back is set aside as the
 * middle well before the front runs out, once it holds as many items as will be shifted before
 * the front is needed (`span`, the items the window holds, tells when that is), and `step()` does
 * one combine of the work ahead at a time: the middle's next suffix, the back's running
 * combination, and for the next push (and the shift after it, once the window is full) the
 * front's suffix combined with the middle and with the back. The newest item is combined last,
 * apart, so that with four steps between pushes the push, the shift and `combined()` do one
 * combine in all (two when the back has just been set aside). Without steps, a shift that finds
 * the front empty finishes the middle at once, as the plain algorithm does.
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
  private back: RunningCombination<T>;
  /** The older part (front and middle, see `olderKey`) combined with the back's first items. */
  private ahead: { olderKey: number; backItems: number; value: T } | undefined = undefined;

  /**
   * `combine(older, newer)`: associative, never mutating its arguments. `span`: how many items
   * the caller keeps at most (it shifts once a push goes beyond), which tells when to set the
   * back aside.
   */
  constructor(
    private readonly combine: (older: T, newer: T) => T,
    private readonly span: number,
  ) {
    this.back = new RunningCombination(combine);
  }

  get length(): number {
    return this.frontLength + this.middle.length + this.back.length;
  }

  push(item: T): void {
    this.back.push(item);
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

  /**
   * The combination of every item, oldest to newest; undefined when empty. Grouped as
   * `((front's suffix · middle) · back but its newest) · newest`, each part present.
   */
  combined(): T | undefined {
    const olderKey = this.currentOlderKey();
    const newest = this.back.length;
    if (olderKey === undefined) return this.back.all();
    if (newest === 0) return this.older(olderKey);
    return this.combine(this.olderWithBack(olderKey, newest - 1), this.back.items[newest - 1]!);
  }

  /**
   * Does one combine of the work ahead, if any; false when nothing is left to do. What the next
   * push (and shift) will read comes first, then the middle's turning, which has until the front
   * runs out.
   */
  step(): boolean {
    if (this.back.advance() || this.prepareNextRead()) return true;
    if (this.middleTurnedFrom === 0) return false;
    this.turnOneMiddleItem();
    return true;
  }

  /** Every value held (suffixes, items, running and ahead combinations): to measure memory. */
  held(): T[] {
    const held = [...this.front.slice(this.head), ...this.middle, ...this.back.items];
    for (const value of this.frontWithMiddle) if (value !== undefined) held.push(value);
    held.push(...this.middleSuffixes.slice(this.middleTurnedFrom, this.middle.length - 1));
    if (this.middle.length > 1) held.push(this.middleCombined!);
    held.push(...this.back.held());
    if (this.ahead !== undefined) held.push(this.ahead.value);
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
      back: this.back.items.map(save),
      backCombined: this.back.length > 1 ? save(this.back.all()!) : null,
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
    const back = snapshot.back.map(load);
    const backCombined = restoredCombination(back, snapshot.backCombined, load, 'back');
    this.back = RunningCombination.restored(this.combine, back, backCombined);
    this.ahead = undefined;
  }

  private get frontLength(): number {
    return this.front.length - this.head;
  }

  /** Which older part `combined()` reads now: the front's suffix at `head`, -1 the middle alone. */
  private currentOlderKey(): number | undefined {
    if (this.frontLength > 0) return this.head;
    return this.middle.length > 0 ? -1 : undefined;
  }

  private older(olderKey: number): T {
    return olderKey >= 0 ? this.frontAndMiddle(olderKey) : this.middleCombined!;
  }

  /**
   * One combine toward what `combined()` reads after the next push, and the shift that follows it
   * once the window is full: the front's next suffix with the middle, then that with the back.
   */
  private prepareNextRead(): boolean {
    const shifts = this.length + 1 > this.span;
    if (shifts && this.frontLength < 2) return false;
    const olderKey = shifts ? this.head + 1 : this.currentOlderKey();
    if (olderKey === undefined) return false;
    if (olderKey >= 0 && this.middle.length > 0 && this.frontWithMiddle[olderKey] === undefined) {
      this.frontAndMiddle(olderKey);
      return true;
    }
    const backItems = this.back.length;
    if (backItems === 0 || this.hasAhead(olderKey, backItems)) return false;
    this.olderWithBack(olderKey, backItems);
    return true;
  }

  private hasAhead(olderKey: number, backItems: number): boolean {
    return this.ahead?.olderKey === olderKey && this.ahead.backItems === backItems;
  }

  /** The older part combined with the back's first `backItems` items (kept for the next read). */
  private olderWithBack(olderKey: number, backItems: number): T {
    if (backItems === 0) return this.older(olderKey);
    if (!this.hasAhead(olderKey, backItems)) {
      const value = this.combine(this.older(olderKey), this.back.prefix(backItems));
      this.ahead = { olderKey, backItems, value };
    }
    return this.ahead!.value;
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
    this.setMiddle(this.back.items, this.back.all());
    this.back = new RunningCombination(this.combine);
  }

  /** The middle's items and running combination; its suffixes are then made from the newest. */
  private setMiddle(items: T[], combined: T | undefined): void {
    // What was combined with the middle before is stale.
    this.ahead = undefined;
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
