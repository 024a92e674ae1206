import type { Logger } from 'pino';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { ServerClock } from '../time/server-clock';
import { trendingMessage } from './slack-message';
import { TrendingEntries } from './trending-entries';
import { WebhookSender } from './webhook-sender';
import type { WebhookSenderOptions } from './webhook-sender';

export interface TrendingWebhookOptions {
  url: string;
  /** Tags entering the first this many of the trending list are announced. */
  top: number;
  /** Label of the shortest window (the one trending counts people in). */
  shortestWindow: string;
  clock: ServerClock;
  logger?: Logger;
  onOutcome?: WebhookSenderOptions['onOutcome'];
  /** Overrides of the sender's retry settings (tests). */
  sender?: Partial<WebhookSenderOptions>;
}

export interface TrendingWebhook {
  /** Call with each batch's result on the ingesting instance; never blocks, never throws. */
  onResult(result: TrendsBatchResult): void;
  readonly sender: WebhookSender;
  close(): void;
}

/** Announces tags entering the top of the trending list to `url` (see `TrendingEntries`). */
export function createTrendingWebhook(options: TrendingWebhookOptions): TrendingWebhook {
  const entries = new TrendingEntries(options.top);
  const sender = new WebhookSender({
    url: options.url,
    clock: options.clock,
    logger: options.logger,
    onOutcome: options.onOutcome,
    ...options.sender,
  });
  return {
    sender,
    onResult(result) {
      try {
        for (const entry of entries.entering(result.trending, options.clock.now())) {
          sender.send(trendingMessage(entry, options.top, options.shortestWindow));
        }
      } catch (error) {
        options.logger?.error({ err: error }, 'trending alerts failed');
      }
    },
    close: () => sender.close(),
  };
}
