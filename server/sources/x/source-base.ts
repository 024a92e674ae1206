/**
 * What the live X sources share: the `TweetSource` lifecycle (start once, stop once and promptly),
 * the public status and readiness, and X's backoff. Each source supplies its own `run` loop.
 */
import type { SourceKind, SourceStatus } from '@/lib/protocol';
import type { TweetSink, TweetSource } from '../types';
import { ReconnectBackoff } from './backoff';
import { cancellableSleep } from '../../time/cancellable-sleep';
import type { CancellableSleep } from '../../time/cancellable-sleep';
import type { ServerClock } from '../../time/server-clock';
import { systemServerClock } from '../../time/system-server-clock';
import { XSourceStatus } from './source-status';

export abstract class XSourceBase implements TweetSource {
  readonly timeMode = 'arrival' as const;
  protected readonly status_: XSourceStatus;
  protected readonly backoff: ReconnectBackoff;
  protected readonly clock: ServerClock;
  protected sink?: TweetSink;
  protected stopping = false;
  /** The backoff or pacing wait in progress, cancelled by `stop`. */
  protected sleep?: CancellableSleep;

  constructor(kind: SourceKind, label: string, backoffScale: number, clock?: ServerClock) {
    this.clock = clock ?? systemServerClock;
    this.status_ = new XSourceStatus(kind, label, () => this.clock.now());
    this.backoff = new ReconnectBackoff(backoffScale);
  }

  async start(sink: TweetSink): Promise<void> {
    if (this.sink) return;
    this.sink = sink;
    void this.run();
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.sleep?.cancel();
    this.release();
    // A source that had already given up (401/403) keeps its reason.
    if (this.status_.state.state !== 'stopped')
      this.status_.set({ state: 'stopped', reason: 'stopped' });
  }

  status(): SourceStatus {
    return this.status_.current();
  }

  isReady(): boolean {
    return this.status_.state.state === 'live';
  }

  /** Wall-clock time in ms since the epoch. */
  protected nowMs(): number {
    return this.clock.now();
  }

  /** Waits `delayMs` on the clock; `stop` cuts the wait short. */
  protected async pause(delayMs: number): Promise<void> {
    this.sleep = cancellableSleep(this.clock, delayMs);
    await this.sleep.done;
    this.sleep = undefined;
  }

  /** Runs until `stopping` or a reason to stop; never rejects. */
  protected abstract run(): Promise<void>;

  /** Closes what the source holds open (a stream connection) when it stops. */
  protected release(): void {}
}
