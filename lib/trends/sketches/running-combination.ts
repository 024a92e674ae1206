/**
 * Items in order with the combination of their first n at hand, made left to right
 * (`((a·b)·c)·d`), one `combine` at a time and only when asked for (`advance`, `prefix`): the
 * back of a `SlidingAggregate`. The combination of all the items but the last stays at hand too,
 * so that the owner can combine the last item apart.
 */
export class RunningCombination<T> {
  readonly items: T[] = [];
  /** The combination of the first `count` items (undefined when `count` is 0). */
  private running: T | undefined = undefined;
  /** The combination of the first `count − 1` items, when `previousKept`. */
  private previous: T | undefined = undefined;
  private previousKept = false;
  private count = 0;

  constructor(private readonly combine: (older: T, newer: T) => T) {}

  /** A running combination restored from its items and the combination of all of them. */
  static restored<T>(
    combine: (older: T, newer: T) => T,
    items: readonly T[],
    combined: T | undefined,
  ): RunningCombination<T> {
    const restored = new RunningCombination(combine);
    restored.items.push(...items);
    restored.count = items.length;
    restored.running = combined;
    return restored;
  }

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Takes the next item into the running combination; false when all are in. */
  advance(): boolean {
    if (this.count >= this.items.length) return false;
    const item = this.items[this.count]!;
    this.previous = this.running;
    this.previousKept = true;
    this.running = this.running === undefined ? item : this.combine(this.running, item);
    this.count++;
    return true;
  }

  /** The combination of the first `n` items (1 ≤ n ≤ length). */
  prefix(n: number): T {
    if (n === 1) return this.items[0]!;
    while (this.count < n) this.advance();
    if (n === this.count) return this.running!;
    if (n === this.count - 1 && this.previousKept) return this.previous!;
    // Further back than kept (only after a restore): combined again, the same way.
    let combined: T = this.items[0]!;
    for (let index = 1; index < n; index++) combined = this.combine(combined, this.items[index]!);
    return combined;
  }

  /** The combination of every item; undefined when there are none. */
  all(): T | undefined {
    return this.items.length === 0 ? undefined : this.prefix(this.items.length);
  }

  /** The combinations held besides the items. */
  held(): T[] {
    const held: T[] = [];
    if (this.count > 1) held.push(this.running!);
    if (this.count > 2 && this.previousKept) held.push(this.previous!);
    return held;
  }
}
