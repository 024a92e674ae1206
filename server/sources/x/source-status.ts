/**
 * The state and counters a live source reports through `status()` (and so `/readyz`, `/metrics`
 * and the dashboard): connection state, reconnects, errors and posts per second over the last
 * ~10 s. Never holds anything secret.
 */
import type { SourceKind, SourceState, SourceStatus } from '@/lib/protocol';

import { RateMeter } from '@/server/ingestion/rate-meter';

const RATE_SPAN_MS = 10_000;

export class XSourceStatus {
  private connection: SourceState = { state: 'connecting' };
  private reconnects = 0;
  private errors = 0;
  private readonly rate: RateMeter;

  constructor(
    private readonly kind: SourceKind,
    private readonly label: string,
    nowMs: () => number = Date.now,
  ) {
    this.rate = new RateMeter(RATE_SPAN_MS, nowMs);
  }

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
    this.rate.record();
  }

  current(): SourceStatus {
    return {
      kind: this.kind,
      label: this.label,
      connection: { ...this.connection },
      reconnects: this.reconnects,
      errors: this.errors,
      tweetsPerSec: Math.round(this.rate.ratePerSec() * 10) / 10,
    };
  }
}
