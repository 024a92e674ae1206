/**
 * Remembers the previous batch's "rising now" list to give each tag its rank change: null for a
 * tag that was not listed in the previous batch (a newcomer), otherwise previous rank − rank
 * (positive = moved up).
 */
export class TrendRanking {
  private previous = new Map<string, number>();

  /** `keys` is this batch's rising list, best first; returns each one's rank change. */
  next(keys: string[]): (number | null)[] {
    const current = new Map<string, number>();
    const changes = keys.map((key, rank) => {
      current.set(key, rank);
      const before = this.previous.get(key);
      return before === undefined ? null : before - rank;
    });
    this.previous = current;
    return changes;
  }

  /** The previous batch's keys, best first. */
  snapshot(): string[] {
    return [...this.previous.keys()];
  }

  restore(keys: string[]): void {
    this.previous = new Map(keys.map((key, rank) => [key, rank]));
  }
}
