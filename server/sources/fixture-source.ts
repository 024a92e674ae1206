import type { Logger } from 'pino';
import type { SourceState, SourceStatus } from '@/lib/protocol';
import { RateMeter } from '../rate-meter';
import { isGzip, openLines } from './fixture-lines';
import { readLine, retimeLine } from './loop-retime';
import { systemRealTime, yieldToEventLoop } from './real-time';
import type { RealTime } from './real-time';
import { ReplayPacer } from './replay-pacer';
import type { TweetSink, TweetSource } from './types';

export interface FixtureSourceOptions {
  /** NDJSON file, gzip-compressed or not (detected by its first bytes). */
  path: string;
  /** Virtual time runs this many times faster than real time; `max`: as fast as possible. */
  speed: number | 'max';
  /** Replay again and again, each pass re-timed after the previous one with fresh ids. */
  loop: boolean;
  batchIntervalMs: number;
  /** Longer lines are cut and then rejected by the pipeline; 1 MB like `parseStreamLine`. */
  maxLineBytes?: number;
  /**
   * After the last post of a non-looping replay, keep the clock running (at the replay speed;
   * at 1× after a `max` replay) so windows drain visibly. Default true.
   */
  drain?: boolean;
  realTime?: RealTime;
  logger?: Logger;
}

type Phase = 'idle' | 'replaying' | 'draining' | 'ended' | 'stopped' | 'failed';

/** Lines pushed between two yields to the event loop at `max` speed. */
const LINES_PER_YIELD = 500;

/**
 * Replays a recorded stream in virtual time: before each post the sink's clock advances to the
 * post's `created_at`, so batches and windows are those of the recording, at any speed. The
 * file is streamed line by line (never loaded whole); a bad line goes to the pipeline, which
 * counts and skips it.
 */
export class FixtureSource implements TweetSource {
  readonly timeMode = 'virtual' as const;
  private phase: Phase = 'idle';
  private failure = '';
  private pass = 0;
  private errors = 0;
  private readonly abort = new AbortController();
  private readonly rate = new RateMeter();
  private running: Promise<void> | undefined;

  constructor(private readonly options: FixtureSourceOptions) {}

  /** Resolves once the file is open and the replay has begun; rejects when it cannot be read. */
  async start(sink: TweetSink): Promise<void> {
    if (this.running) return;
    const gzip = await isGzip(this.options.path);
    this.phase = 'replaying';
    this.running = this.run(sink, gzip).catch((error: unknown) => {
      this.errors++;
      this.phase = 'failed';
      this.failure = error instanceof Error ? error.message : String(error);
      this.options.logger?.error({ err: error }, 'fixture replay failed');
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    if (this.phase !== 'failed') this.phase = 'stopped';
  }

  /** Resolves when the replay is over (end of file without drain, failure or stop). */
  async finished(): Promise<void> {
    await this.running;
  }

  isReady(): boolean {
    return this.phase === 'replaying' || this.phase === 'draining' || this.phase === 'ended';
  }

  status(): SourceStatus {
    const { speed } = this.options;
    return {
      kind: 'fixture',
      speed,
      label: this.label(),
      connection: this.connection(),
      reconnects: 0,
      errors: this.errors,
      tweetsPerSec: this.rate.ratePerSec(),
    };
  }

  private label(): string {
    const { speed } = this.options;
    const base = `replay ${speed === 'max' ? 'max' : `${speed}×`}`;
    if (this.phase === 'draining' || this.phase === 'ended') return `${base} · ended`;
    return this.pass > 1 ? `${base} · pass ${this.pass}` : base;
  }

  private connection(): SourceState {
    if (this.phase === 'idle') return { state: 'connecting' };
    if (this.phase === 'stopped') return { state: 'stopped', reason: 'stopped' };
    if (this.phase === 'failed') return { state: 'stopped', reason: this.failure };
    return { state: 'live' };
  }

  private async run(sink: TweetSink, gzip: boolean): Promise<void> {
    const { speed, loop, batchIntervalMs, realTime = systemRealTime } = this.options;
    const signal = this.abort.signal;
    const pacer = new ReplayPacer(sink, batchIntervalMs, realTime, speed, signal);
    let span: TimeSpan | undefined;
    for (let pass = 1; !signal.aborted; pass++) {
      this.pass = pass;
      const shiftMs = span ? (pass - 1) * (span.lastMs - span.firstMs + batchIntervalMs) : 0;
      const seen = await this.replayPass(sink, pacer, gzip, pass, shiftMs);
      span ??= seen;
      if (!loop || span === undefined) break;
    }
    if (signal.aborted) return;
    if (this.options.drain === false) {
      this.phase = 'ended';
      return;
    }
    this.phase = 'draining';
    if (speed === 'max') pacer.setSpeed(1);
    while (!signal.aborted) await pacer.tick();
  }

  /** One pass over the file; returns the span of post times seen (undefined if none). */
  private async replayPass(
    sink: TweetSink,
    pacer: ReplayPacer,
    gzip: boolean,
    pass: number,
    shiftMs: number,
  ): Promise<TimeSpan | undefined> {
    const maxLineBytes = this.options.maxLineBytes ?? 1_000_000;
    const signal = this.abort.signal;
    let span: TimeSpan | undefined;
    let linesSinceYield = 0;
    try {
      for await (const raw of openLines(this.options.path, gzip, maxLineBytes, signal)) {
        const timed =
          pass === 1 ? readLine(raw, maxLineBytes) : retimeLine(raw, pass, shiftMs, maxLineBytes);
        if (timed.timeMs !== undefined) {
          span = widen(span, timed.timeMs);
          await pacer.advanceTo(timed.timeMs);
        }
        if (signal.aborted) break;
        sink.line(timed.raw);
        this.rate.record();
        if (++linesSinceYield >= LINES_PER_YIELD) {
          linesSinceYield = 0;
          await yieldToEventLoop();
        }
      }
    } catch (error) {
      // Stopping aborts the file stream mid-read; anything else is a real failure.
      if (!signal.aborted) throw error;
    }
    return span;
  }
}

interface TimeSpan {
  firstMs: number;
  lastMs: number;
}

function widen(span: TimeSpan | undefined, timeMs: number): TimeSpan {
  if (span === undefined) return { firstMs: timeMs, lastMs: timeMs };
  return { firstMs: Math.min(span.firstMs, timeMs), lastMs: Math.max(span.lastMs, timeMs) };
}
