/** One stretch of time during which a key was in the trending list. */
export interface TrendEpisode {
  startMs: number;
  endMs: number;
  /** Highest fast evidence count (`F` of `trending-score.ts`) while it trended. */
  peakFast: number;
}

/** Keys, how many episodes each has, and `startMs, endMs, peakFast` per episode in key order. */
export interface TrendMemorySnapshot {
  keys: string[];
  episodeCounts: number[];
  numbers: Float64Array;
}

export interface TrendMemoryOptions {
  /** Episodes older than this are forgotten (7 days). */
  memoryMs: number;
  /** How far around yesterday's time of day an episode counts as "the same time" (45 min). */
  toleranceMs: number;
  /** Bound on remembered keys; the least recently trending go first beyond it. */
  maxKeys: number;
}

const DAY_MS = 24 * 60 * 60_000;
/** Episodes that began less than this long ago are today's, not a daily habit. */
const SAME_DAY_MS = DAY_MS / 2;
/** A gap longer than this between two listings starts a new episode. */
const EPISODE_GAP_MS = 30 * 60_000;
const MAX_EPISODES_PER_KEY = 16;

/**
 * When keys trended, by time of day, over the last week: a tag that is big every day at the same
 * hour is not rising when it comes back at that hour. `expectedFastAt` gives the largest peak a
 * key reached on an earlier day within `toleranceMs` of the current time of day; the tracker
 * takes it as the key's usual level then, so the tag only trends again if it clearly beats its
 * habit. Needs a day of history (the job running or restored from a checkpoint); plain data.
 */
export class TrendMemory {
  private readonly episodes = new Map<string, TrendEpisode[]>();

  constructor(private readonly options: TrendMemoryOptions) {}

  /** `key` is in the trending list at `batchMs` with fast evidence `fast`. */
  note(key: string, batchMs: number, fast: number): void {
    const list = this.episodes.get(key) ?? [];
    this.episodes.delete(key);
    this.episodes.set(key, list);
    const last = list[list.length - 1];
    if (last !== undefined && batchMs - last.endMs <= EPISODE_GAP_MS) {
      last.endMs = batchMs;
      last.peakFast = Math.max(last.peakFast, fast);
    } else {
      list.push({ startMs: batchMs, endMs: batchMs, peakFast: fast });
      if (list.length > MAX_EPISODES_PER_KEY) list.shift();
    }
    if (this.episodes.size > this.options.maxKeys) {
      this.episodes.delete(this.episodes.keys().next().value!);
    }
  }

  /** The highest peak of `key` on an earlier day around this time of day; 0 when none. */
  expectedFastAt(key: string, batchMs: number): number {
    const list = this.episodes.get(key);
    if (list === undefined) return 0;
    const { toleranceMs, memoryMs } = this.options;
    let expected = 0;
    for (const episode of list) {
      if (batchMs - episode.startMs < SAME_DAY_MS || batchMs - episode.endMs > memoryMs) continue;
      const intoDayMs = mod(batchMs - episode.startMs, DAY_MS);
      const spanMs = episode.endMs - episode.startMs;
      if (intoDayMs >= DAY_MS - toleranceMs || intoDayMs <= spanMs + toleranceMs) {
        expected = Math.max(expected, episode.peakFast);
      }
    }
    return expected;
  }

  /** Forgets episodes older than `memoryMs`. */
  sweep(batchMs: number): void {
    for (const [key, list] of this.episodes) {
      const kept = list.filter((episode) => batchMs - episode.endMs <= this.options.memoryMs);
      if (kept.length === 0) this.episodes.delete(key);
      else if (kept.length !== list.length) this.episodes.set(key, kept);
    }
  }

  snapshot(): TrendMemorySnapshot {
    const numbers: number[] = [];
    for (const list of this.episodes.values()) {
      for (const episode of list) numbers.push(episode.startMs, episode.endMs, episode.peakFast);
    }
    return {
      keys: [...this.episodes.keys()],
      episodeCounts: [...this.episodes.values()].map((list) => list.length),
      numbers: Float64Array.from(numbers),
    };
  }

  restore(snapshot: TrendMemorySnapshot): void {
    const { keys, episodeCounts, numbers } = snapshot;
    const total = episodeCounts.reduce((sum, count) => sum + count, 0);
    if (episodeCounts.length !== keys.length || numbers.length !== total * 3) {
      throw new TypeError('trend memory snapshot: columns differ in length');
    }
    let at = 0;
    keys.forEach((key, index) => {
      const list: TrendEpisode[] = [];
      for (let count = 0; count < episodeCounts[index]!; count++, at += 3) {
        list.push({ startMs: numbers[at]!, endMs: numbers[at + 1]!, peakFast: numbers[at + 2]! });
      }
      this.episodes.set(key, list);
    });
  }

  get size(): number {
    return this.episodes.size;
  }
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
