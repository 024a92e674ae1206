import type { TweetSink } from './types';
import type { RealTime } from './real-time';

/** Below this lead over the wall clock a replay does not bother sleeping. */
const MIN_SLEEP_MS = 2;

/**
 * Moves a virtual-time sink's clock forward at `speed` times real time (`max`: as fast as the
 * engine takes it). Between two posts far apart it stops at every batch boundary, so batches
 * complete on time at 1× instead of all at once when the next post arrives.
 *
 * Which batch a post falls into depends only on the clock times passed to the sink, never on the
 * sleeps, so a fixture gives the same counts at any speed. The clock never moves backwards: a
 * post older than the clock joins the current batch.
 */
export class ReplayPacer {
  private virtualNowMs: number | undefined;
  /** Real and virtual time of the moment pacing (re)started. */
  private anchor: { realMs: number; virtualMs: number } | undefined;

  constructor(
    private readonly sink: TweetSink,
    private readonly batchIntervalMs: number,
    private readonly realTime: RealTime,
    private speed: number | 'max',
    private readonly signal: AbortSignal,
  ) {}

  /** The last clock time handed to the sink, if any. */
  get clockMs(): number | undefined {
    return this.virtualNowMs;
  }

  /** Changes the speed from now on (e.g. draining at 1× after a `max` replay). */
  setSpeed(speed: number | 'max'): void {
    this.speed = speed;
    this.anchor = undefined;
  }

  /** Advances the clock to `timeMs` (no-op when it is not ahead), pacing on the way. */
  async advanceTo(timeMs: number): Promise<void> {
    if (this.virtualNowMs !== undefined && timeMs <= this.virtualNowMs) return;
    if (this.speed !== 'max' && this.virtualNowMs !== undefined) {
      let boundaryMs = this.nextBoundaryMs(this.virtualNowMs);
      while (boundaryMs < timeMs && !this.signal.aborted) {
        await this.step(boundaryMs);
        boundaryMs += this.batchIntervalMs;
      }
    }
    if (!this.signal.aborted) await this.step(timeMs);
  }

  /** Advances the clock by one batch boundary past the current time. */
  async tick(): Promise<void> {
    if (this.virtualNowMs === undefined) return;
    await this.advanceTo(this.nextBoundaryMs(this.virtualNowMs));
  }

  private nextBoundaryMs(timeMs: number): number {
    return Math.floor(timeMs / this.batchIntervalMs) * this.batchIntervalMs + this.batchIntervalMs;
  }

  private async step(timeMs: number): Promise<void> {
    await this.waitUntil(timeMs);
    if (this.signal.aborted) return;
    this.virtualNowMs = timeMs;
    await this.sink.advanceTo(timeMs);
  }

  private async waitUntil(virtualMs: number): Promise<void> {
    if (this.speed === 'max') return;
    const nowMs = this.realTime.nowMs();
    if (this.anchor === undefined) {
      this.anchor = { realMs: nowMs, virtualMs: this.virtualNowMs ?? virtualMs };
    }
    const dueMs = this.anchor.realMs + (virtualMs - this.anchor.virtualMs) / this.speed;
    if (dueMs - nowMs >= MIN_SLEEP_MS) await this.realTime.sleep(dueMs - nowMs, this.signal);
  }
}
