/**
 * Events per second over the last `spanMs` of real time, kept in one-second buckets so memory
 * stays constant whatever the rate.
 */
export class RateMeter {
  private readonly buckets: number[];
  private currentSecond = 0;

  constructor(
    spanMs = 5000,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.buckets = new Array<number>(Math.max(1, Math.ceil(spanMs / 1000)) + 1).fill(0);
    this.currentSecond = Math.floor(this.nowMs() / 1000);
  }

  record(events = 1): void {
    this.roll();
    this.buckets[this.currentSecond % this.buckets.length]! += events;
  }

  /** Events per second over the last full seconds of the span (the current one is partial). */
  ratePerSec(): number {
    this.roll();
    let total = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      if (i !== this.currentSecond % this.buckets.length) total += this.buckets[i]!;
    }
    return total / (this.buckets.length - 1);
  }

  private roll(): void {
    const second = Math.floor(this.nowMs() / 1000);
    if (second - this.currentSecond >= this.buckets.length) this.buckets.fill(0);
    else
      for (let s = this.currentSecond + 1; s <= second; s++)
        this.buckets[s % this.buckets.length] = 0;
    this.currentSecond = Math.max(second, this.currentSecond);
  }
}
