import type { TrendEvidence } from './trend-gates';

export interface TrendBoardOptions {
  /** A listed tag is past its peak once its fast rate falls below this share of its peak (0.5). */
  pastPeakShare: number;
  /** How long a tag stays under "cooling down" after it last rose (10 min). */
  coolingMs: number;
}

/** What the board remembers of a listed key (plain data). */
export interface BoardEntry {
  /** Batch at which the key entered the list. */
  sinceMs: number;
  /** Highest fast evidence count since then. */
  peakFast: number;
  /** Last batch in which it was rising. */
  lastRisingMs: number;
}

/** The board's keys with `sinceMs, peakFast, lastRisingMs` each. */
export interface TrendBoardSnapshot {
  keys: string[];
  numbers: Float64Array;
}

export interface BoardListing {
  evidence: TrendEvidence;
  sinceMs: number;
}

/**
 * Splits the tags that trend into what is rising now and what is cooling down. A tag that passes
 * the gates is rising while its fast rate stays at least `pastPeakShare` of its peak since it was
 * listed (the fast rate halves a minute after a burst stops, so a tag leaves "rising" about a
 * minute after its peak; a plateau's noise stays well above half of it). Past that, or once it no
 * longer passes the gates, it is cooling down for `coolingMs` after it last rose, as long as it is
 * still above its usual rate (score > 0); then it leaves the board.
 */
export class TrendBoard {
  private readonly entries = new Map<string, BoardEntry>();

  constructor(private readonly options: TrendBoardOptions) {}

  /**
   * Sorts the batch's `passing` evidence (keys that pass every gate) into rising and cooling;
   * `evidenceOf` scores a listed key that did not pass this batch (undefined: nothing to show).
   */
  next(
    passing: TrendEvidence[],
    batchMs: number,
    evidenceOf: (key: string) => TrendEvidence | undefined,
  ): { rising: BoardListing[]; cooling: BoardListing[] } {
    const rising: BoardListing[] = [];
    const cooling: BoardListing[] = [];
    const passed = new Set<string>();
    for (const evidence of passing) {
      passed.add(evidence.key);
      let entry = this.entries.get(evidence.key);
      if (entry === undefined) {
        entry = { sinceMs: batchMs, peakFast: evidence.fast, lastRisingMs: batchMs };
        this.entries.set(evidence.key, entry);
      }
      const listing = { evidence, sinceMs: entry.sinceMs };
      if (evidence.fast >= this.options.pastPeakShare * entry.peakFast) {
        entry.peakFast = Math.max(entry.peakFast, evidence.fast);
        entry.lastRisingMs = batchMs;
        rising.push(listing);
      } else {
        cooling.push(listing);
      }
    }
    for (const [key, entry] of this.entries) {
      if (passed.has(key)) continue;
      const evidence = batchMs - entry.lastRisingMs <= this.options.coolingMs && evidenceOf(key);
      if (!evidence || !(evidence.score > 0)) this.entries.delete(key);
      else cooling.push({ evidence, sinceMs: entry.sinceMs });
    }
    return { rising, cooling };
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  snapshot(): TrendBoardSnapshot {
    const numbers = new Float64Array(this.entries.size * 3);
    let at = 0;
    for (const entry of this.entries.values()) {
      numbers.set([entry.sinceMs, entry.peakFast, entry.lastRisingMs], at);
      at += 3;
    }
    return { keys: [...this.entries.keys()], numbers };
  }

  restore(snapshot: TrendBoardSnapshot): void {
    if (snapshot.numbers.length !== snapshot.keys.length * 3) {
      throw new TypeError('board snapshot: columns differ in length');
    }
    snapshot.keys.forEach((key, index) => {
      const [sinceMs, peakFast, lastRisingMs] = snapshot.numbers.subarray(index * 3, index * 3 + 3);
      this.entries.set(key, {
        sinceMs: sinceMs!,
        peakFast: peakFast!,
        lastRisingMs: lastRisingMs!,
      });
    });
  }

  /** When `key` last rose (for ordering the cooling list). */
  lastRisingMs(key: string): number {
    return this.entries.get(key)?.lastRisingMs ?? -Infinity;
  }
}
