/**
 * The state and counters a live source reports through `status()` (and so `/readyz`, `/metrics`
 * and the dashboard): connection state, reconnects, errors and posts per second over the last
 * ~10 s. Never holds anything secret.
 */
import type { SourceKind, SourceState, SourceStatus } from '@/lib/protocol';

const RATE_WINDOW_S = 10;

export class XSourceStatus {
  private connection: SourceState = { state: 'connecting' };
  private reconnects = 0;
  private errors = 0;
  /** Posts per whole second (epoch seconds → count), the last RATE_WINDOW_S seconds only. */
  private readonly perSecond = new Map<number, number>();

  constructor(
    private readonly kind: SourceKind,
    private readonly label: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get state(): SourceState {
    return this.connection;
  }

  set(state: SourceState): void {
    this.connection = state;
  }

  countReconnect(): void {
    this.reconnects += 1;
  }

  countError(): void {
    this.errors += 1;
  }

  countPost(): void {
    const second = Math.floor(this.nowMs() / 1000);
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1);
    if (this.perSecond.size > RATE_WINDOW_S + 1) this.prune(second);
  }

  snapshot(): SourceStatus {
    const second = Math.floor(this.nowMs() / 1000);
    this.prune(second);
    let posts = 0;
    for (const count of this.perSecond.values()) posts += count;
    return {
      kind: this.kind,
      label: this.label,
      connection: { ...this.connection },
      reconnects: this.reconnects,
      errors: this.errors,
      tweetsPerSec: Math.round((posts / RATE_WINDOW_S) * 10) / 10,
    };
  }

  private prune(currentSecond: number): void {
    for (const second of this.perSecond.keys())
      if (second <= currentSecond - RATE_WINDOW_S) this.perSecond.delete(second);
  }
}
