import type { Logger } from 'pino';
import type { ScheduledTask } from '@/lib/engine';
import type { ServerClock } from '../time/server-clock';
import { redactWebhookUrl } from './redact-url';

export interface WebhookSenderOptions {
  url: string;
  clock: ServerClock;
  logger?: Logger;
  /** Messages waiting at most; a message beyond it is dropped (and counted). Default 100. */
  maxQueue?: number;
  /** Tries per message at most (default 6: about a minute of backoff). */
  maxAttempts?: number;
  /** First retry delay, doubled at each failure up to `maxDelayMs` (defaults 1 s and 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** One request's time limit (default 10 s). */
  timeoutMs?: number;
  /** Called once per message with how it ended. */
  onOutcome?: (outcome: 'sent' | 'failed' | 'dropped') => void;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Posts JSON messages to a webhook, one at a time and in order, off the caller's path: `send`
 * only queues. A failed request (network error, timeout, 429 or 5xx) is retried after an
 * exponentially growing delay on the injected clock; other answers (400, 404: a bad payload or a
 * revoked URL) are not retried. The queue is bounded. The URL is never logged whole.
 */
export class WebhookSender {
  private readonly queue: { body: string; attempts: number }[] = [];
  private busy = false;
  private timer: ScheduledTask | undefined;
  private closed = false;
  private readonly shownUrl: string;

  constructor(private readonly options: WebhookSenderOptions) {
    this.shownUrl = redactWebhookUrl(options.url);
  }

  /** Queues `message`; false (and counted as dropped) when the queue is full or closed. */
  send(message: unknown): boolean {
    if (this.closed || this.queue.length >= (this.options.maxQueue ?? 100)) {
      this.options.onOutcome?.('dropped');
      this.options.logger?.warn({ webhook: this.shownUrl }, 'webhook queue full: alert dropped');
      return false;
    }
    this.queue.push({ body: JSON.stringify(message), attempts: 0 });
    this.pump();
    return true;
  }

  /** Messages queued or being sent. */
  get pending(): number {
    return this.queue.length;
  }

  /** Stops sending; what is queued is dropped. */
  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.queue.length = 0;
  }

  private pump(): void {
    if (this.busy || this.timer !== undefined || this.closed || this.queue.length === 0) return;
    this.busy = true;
    void this.attempt(this.queue[0]!).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  private async attempt(item: { body: string; attempts: number }): Promise<void> {
    item.attempts++;
    const outcome = await this.post(item.body);
    if (this.closed) return;
    if (outcome === 'retry' && item.attempts < (this.options.maxAttempts ?? 6)) {
      const base = this.options.baseDelayMs ?? 1000;
      const delayMs = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** (item.attempts - 1));
      this.timer = this.options.clock.setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, delayMs);
      return;
    }
    this.queue.shift();
    this.options.onOutcome?.(outcome === 'sent' ? 'sent' : 'failed');
    if (outcome !== 'sent') {
      this.options.logger?.warn(
        { webhook: this.shownUrl, attempts: item.attempts },
        'webhook alert not delivered',
      );
    }
  }

  private async post(body: string): Promise<'sent' | 'retry' | 'refused'> {
    const fetchFn = this.options.fetch ?? fetch;
    try {
      const response = await fetchFn(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return 'sent';
      const retry = response.status === 429 || response.status >= 500;
      this.options.logger?.debug({ webhook: this.shownUrl, status: response.status }, 'webhook');
      return retry ? 'retry' : 'refused';
    } catch {
      return 'retry';
    }
  }
}
