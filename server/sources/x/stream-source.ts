/**
 * A live X stream (filtered or sample) as a `TweetSource`, with our own reconnect loop: X's
 * backoff policy (`ReconnectBackoff`), a stall watchdog (nothing at all, not even a keep-alive,
 * for `stallTimeoutMs` → reconnect), operational-disconnect handling, and 401/403 ending in
 * `stopped` with a reason. Lines go to the sink verbatim; error-only objects are counted, not
 * forwarded. A post repeated around a reconnect is forwarded as is: the pipeline drops it by id.
 */
import type { TweetStream } from 'twitter-api-v2';
import type { ScheduledTask } from '@/lib/engine';
import type { Failure } from './backoff';
import { classifyXError } from './x-error';
import type { XLogger } from './x-logger';
import type { ServerClock } from '../../time/server-clock';
import { withTimeout } from '../../time/with-timeout';
import { XSourceBase } from './source-base';
import { openStreamConnection } from './stream-connection';
import type { StreamConnection } from './stream-connection';
import { inspectStreamLine } from './stream-line';

export interface XStreamSourceOptions {
  kind: 'filtered' | 'sample';
  label: string;
  /** A new, not yet connected stream (`autoConnect: false`) for each attempt. */
  createStream(): TweetStream;
  /**
   * Runs before the first connection (rules sync); retried with backoff until it succeeds, and
   * given up after `stallTimeoutMs` like a connection.
   */
  prepare?(): Promise<void>;
  stallTimeoutMs: number;
  backoffScale: number;
  /** A connection that ends sooner is a failure (linear backoff), not a drop to retry at once. */
  healthyAfterMs: number;
  logger: XLogger;
  /** Default: the system clock. */
  clock?: ServerClock;
}

type Outcome = { failure: Failure; reason: string } | { stop: string };

export class XStreamSource extends XSourceBase {
  private prepared: boolean;
  private connection?: StreamConnection;

  constructor(private readonly options: XStreamSourceOptions) {
    super(options.kind, options.label, options.backoffScale, options.clock);
    this.prepared = !options.prepare;
  }

  protected override release(): void {
    this.connection?.close();
  }

  protected async run(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      if (attempt > 0) this.status_.countReconnect();
      this.status_.set({ state: 'connecting' });
      const outcome = await this.attempt();
      if (this.stopping) return;
      if ('stop' in outcome) {
        this.options.logger.error(
          { source: this.options.kind },
          `X stream stopped: ${outcome.stop}`,
        );
        this.status_.set({ state: 'stopped', reason: outcome.stop });
        return;
      }
      const delayMs = this.backoff.nextDelayMs(outcome.failure, this.nowMs());
      this.options.logger.warn(
        { source: this.options.kind, delayMs },
        `X stream: ${outcome.reason}; reconnecting`,
      );
      if (delayMs > 0) await this.backOff(delayMs, outcome.reason);
    }
  }

  private async backOff(delayMs: number, reason: string): Promise<void> {
    this.status_.set({ state: 'backing-off', untilMs: this.nowMs() + delayMs, reason });
    await this.pause(delayMs);
  }

  /** One connection from open to end; never throws. */
  private async attempt(): Promise<Outcome> {
    try {
      if (!this.prepared) {
        await withTimeout(this.clock, this.options.prepare!(), this.options.stallTimeoutMs);
        this.prepared = true;
      }
      const { ended, livedMs } = await this.consume();
      if (livedMs >= this.options.healthyAfterMs) {
        this.backoff.reset();
        return { failure: { kind: 'drop' }, reason: ended };
      }
      this.status_.countError();
      return { failure: { kind: 'network' }, reason: `${ended} after ${livedMs} ms` };
    } catch (error) {
      const classified = classifyXError(error, this.nowMs());
      this.status_.countError();
      if (!classified.failure) return { stop: classified.message };
      // 409 on the filtered stream: no rules (deleted elsewhere?); sync them again before retrying.
      if (classified.status === 409 && this.options.prepare) this.prepared = false;
      return { failure: classified.failure, reason: classified.message };
    }
  }

  /** Opens the stream and forwards its lines until it ends: why, and how long it was open. */
  private async consume(): Promise<{ ended: string; livedMs: number }> {
    let endReason = 'connection closed by the server';
    // Lines and the watchdog may ask to close before `open` has returned the connection.
    const opened: { connection?: StreamConnection; closeRequested?: boolean } = {};
    const closeWith = (reason: string): void => {
      endReason = reason;
      opened.closeRequested = true;
      opened.connection?.close();
    };
    let watchdog: ScheduledTask | undefined;
    const armWatchdog = (): void => {
      watchdog?.cancel();
      watchdog = this.clock.setTimeout(() => {
        this.status_.countError();
        closeWith(`stalled: nothing received for ${this.options.stallTimeoutMs} ms`);
      }, this.options.stallTimeoutMs);
    };
    const connection = await openStreamConnection(
      this.clock,
      this.options.createStream(),
      this.options.stallTimeoutMs,
      {
        activity: armWatchdog,
        line: (raw) => {
          const reason = this.onLine(raw);
          if (reason) closeWith(reason);
        },
      },
    );
    opened.connection = this.connection = connection;
    const openedAtMs = this.nowMs();
    if (this.stopping || opened.closeRequested) connection.close();
    else this.status_.set({ state: 'live' });
    armWatchdog();
    await connection.ended;
    watchdog?.cancel();
    this.connection = undefined;
    return { ended: endReason, livedMs: this.nowMs() - openedAtMs };
  }

  /** Forwards or handles one line; returns a reason when the connection must be closed. */
  private onLine(raw: string): string | undefined {
    const line = inspectStreamLine(raw);
    if (line.kind === 'forward') {
      this.status_.countPost();
      this.sink!.line(raw);
      return undefined;
    }
    this.status_.countError();
    this.options.logger.warn({ source: this.options.kind }, `X stream message: ${line.message}`);
    return line.kind === 'operational-disconnect' ? 'operational-disconnect' : undefined;
  }
}
