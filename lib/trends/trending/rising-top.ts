import type { RankOrder } from '../sketches/top-n';
import { selectTop } from '../sketches/top-n';

/**
 * The top `n` of a set of items whose rank can only rise (Space-Saving sums within a pane), kept
 * up to date per changed item: O(1) for an item already in, O(n) at worst for one that enters,
 * instead of re-selecting among all items every batch. Items are identified by `keyOf`.
 */
export class RisingTop<T> {
  private items: T[] = [];
  private readonly indexOf = new Map<string, number>();
  /** Index of the lowest-ranked item, or -1 when it must be searched again. */
  private lowest = -1;

  constructor(
    private readonly n: number,
    private readonly order: RankOrder<T>,
    private readonly keyOf: (item: T) => string,
  ) {}

  /** Starts over with the top `n` of `all`. */
  reset(all: Iterable<T>): void {
    this.items = selectTop(all, this.n, this.order);
    this.indexOf.clear();
    this.items.forEach((item, index) => this.indexOf.set(this.keyOf(item), index));
    this.lowest = -1;
  }

  /** `item` replaces its previous version, which it must rank at or above. */
  update(item: T): void {
    const key = this.keyOf(item);
    const index = this.indexOf.get(key);
    if (index !== undefined) {
      this.items[index] = item;
      // Ties on the first criterion may still reorder: find the lowest again when needed.
      this.lowest = -1;
      return;
    }
    if (this.items.length < this.n) {
      this.indexOf.set(key, this.items.length);
      this.items.push(item);
      this.lowest = -1;
      return;
    }
    const lowest = this.lowestIndex();
    if (lowest === -1 || this.order(item, this.items[lowest]!) <= 0) return;
    this.indexOf.delete(this.keyOf(this.items[lowest]!));
    this.indexOf.set(key, lowest);
    this.items[lowest] = item;
    this.lowest = -1;
  }

  /** The current top, best first. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => this.order(b, a));
  }

  private lowestIndex(): number {
    if (this.lowest === -1) {
      for (let index = 0; index < this.items.length; index++) {
        if (this.lowest === -1 || this.order(this.items[index]!, this.items[this.lowest]!) < 0) {
          this.lowest = index;
        }
      }
    }
    return this.lowest;
  }
}
