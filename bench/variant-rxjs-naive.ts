import { Subject, buffer, distinct, filter, map, scan } from 'rxjs';
import { parseStreamLine, postTimeMs, toParsedPost } from '@/lib/trends';
import type { LineResult, ParsedPost } from '@/lib/trends';
import type { BenchInput } from './bench-input';
import type { Variant } from './measure';

interface WindowTop {
  windowMs: number;
  tweets: number;
  top: [string, number][];
}

/**
 * (c) The same counting written the way an RxJS user would: posts de-duplicated with
 * `distinct`, cut into batches with `buffer` on a tick per batch interval (virtual time, from
 * `created_at`), the last `windowMs` of batches kept with `scan`, and every batch each window
 * recounted from its buffered posts with a Map and fully sorted for its top-N. Nothing is
 * incremental: that is the point of the comparison. No trending list (less work than (b)).
 */
export function rxjsNaiveVariant(
  input: BenchInput,
  batchIntervalMs: number,
  windowsMs: number[],
  topN = 100,
): Variant {
  const longestBatches = Math.max(...windowsMs) / batchIntervalMs;
  return {
    name: `(c) RxJS recount ${windowsMs.map((ms) => `${ms / 60_000}m`).join('+')}`,
    async run() {
      const lines$ = new Subject<LineResult>();
      const ticks$ = new Subject<void>();
      const idFlushes$ = new Subject<void>();
      let latest: WindowTop[] = [];
      let ticks = 0;
      const subscription = lines$
        .pipe(
          filter((parsed): parsed is Extract<LineResult, { ok: true }> => parsed.ok),
          map((parsed) => toParsedPost(parsed.line.data, parsed.line.includes)),
          distinct((post) => post.id, idFlushes$),
          buffer(ticks$),
          scan((batches: ParsedPost[][], batch) => [...batches, batch].slice(-longestBatches), []),
          map((batches) => windowsMs.map((windowMs) => recount(batches, windowMs))),
        )
        .subscribe((tops) => (latest = tops));
      const batchMs = await drive(input, batchIntervalMs, lines$, ticks$, () => {
        // Forget ids older than the longest window, as the job does (roughly: all at once).
        if (++ticks % longestBatches === 0) idFlushes$.next();
      });
      if (latest.length !== windowsMs.length) throw new Error('no window result');
      return { batchMs, release: () => subscription.unsubscribe() };

      function recount(batches: ParsedPost[][], windowMs: number): WindowTop {
        const posts = batches.slice(-(windowMs / batchIntervalMs)).flat();
        const counts = new Map<string, number>();
        for (const post of posts) {
          for (const tag of post.tags) counts.set(tag.key, (counts.get(tag.key) ?? 0) + 1);
        }
        const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, topN);
        return { windowMs, tweets: posts.length, top };
      }
    },
  };
}

/** Feeds the lines, ticking once per batch interval of `created_at`; returns per-batch times. */
async function drive(
  input: BenchInput,
  batchIntervalMs: number,
  lines$: Subject<LineResult>,
  ticks$: Subject<void>,
  onTick: () => void,
): Promise<number[]> {
  const batchMs: number[] = [];
  let nextBatchMs = (Math.floor(input.startMs / batchIntervalMs) + 1) * batchIntervalMs;
  let batchStartedAt = performance.now();
  const tick = (): void => {
    ticks$.next();
    onTick();
    const now = performance.now();
    batchMs.push(now - batchStartedAt);
    batchStartedAt = now;
  };
  for (const raw of input.lines) {
    // Parsed once, here, to read the time from the line (as the job's pipeline does).
    const parsed = parseStreamLine(raw);
    const timeMs = parsed.ok ? (postTimeMs(parsed.line.data) ?? 0) : 0;
    while (timeMs >= nextBatchMs) {
      tick();
      nextBatchMs += batchIntervalMs;
    }
    lines$.next(parsed);
  }
  tick();
  return batchMs;
}
