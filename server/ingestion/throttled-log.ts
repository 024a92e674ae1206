import type { Logger } from 'pino';

/**
 * Logs a recurring problem (bad input lines, failing batches) at most once per `periodMs`, with
 * how many occurred since the previous report, so a flood of bad input cannot flood the log.
 */
export class ThrottledLog {
  private suppressed = 0;
  private lastLoggedMs = -Infinity;

  constructor(
    private readonly logger: Logger | undefined,
    private readonly message: string,
    private readonly periodMs = 10_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Counts one occurrence; logs it (with the count so far) unless one was logged recently. */
  report(details: object): void {
    this.suppressed++;
    const nowMs = this.nowMs();
    if (nowMs - this.lastLoggedMs < this.periodMs) return;
    this.logger?.warn({ ...details, occurrences: this.suppressed }, this.message);
    this.suppressed = 0;
    this.lastLoggedMs = nowMs;
  }
}
