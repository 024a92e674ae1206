/**
 * The server's Prometheus metrics, on a registry of its own (plus Node's default process
 * metrics), served at `/metrics`. Source figures are read from the source at scrape time.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TweetSource } from './sources/types';

export interface Metrics {
  registry: Registry;
  tweetsIngested: Counter;
  tweetsDropped: Counter;
  badLines: Counter;
  duplicateTweets: Counter;
  batches: Counter;
  failedBatches: Counter;
  batchProcessingSeconds: Histogram;
  batchSchedulingDelaySeconds: Histogram;
  connectedClients: Gauge;
  /** Updates not sent because the client's connection was still busy with earlier ones. */
  skippedClientUpdates: Counter;
  /** Requests and messages refused by the per-client limits, by `kind`: api, socket, watch. */
  rateLimited: Counter<'kind'>;
  webhookAlerts: Counter<'outcome'>;
}

const DELAY_BUCKETS_S = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const counter = (name: string, help: string) =>
    new Counter({ name, help, registers: [registry] });
  const histogram = (name: string, help: string) =>
    new Histogram({ name, help, buckets: DELAY_BUCKETS_S, registers: [registry] });
  return {
    registry,
    tweetsIngested: counter('tagstream_tweets_ingested_total', 'Posts accepted into batches.'),
    tweetsDropped: counter('tagstream_tweets_dropped_total', 'Posts dropped by backpressure.'),
    badLines: counter('tagstream_bad_lines_total', 'Malformed input lines skipped.'),
    duplicateTweets: counter('tagstream_duplicate_tweets_total', 'Duplicate posts ignored.'),
    batches: counter('tagstream_batches_total', 'Batches completed.'),
    failedBatches: counter('tagstream_failed_batches_total', 'Batches whose job threw.'),
    batchProcessingSeconds: histogram(
      'tagstream_batch_processing_seconds',
      'Time spent processing one batch.',
    ),
    batchSchedulingDelaySeconds: histogram(
      'tagstream_batch_scheduling_delay_seconds',
      'How late each batch started after its batch time.',
    ),
    connectedClients: new Gauge({
      name: 'tagstream_connected_clients',
      help: 'Dashboard sockets connected.',
      registers: [registry],
    }),
    skippedClientUpdates: counter(
      'tagstream_skipped_client_updates_total',
      'Socket updates skipped because the client had not drained the previous one.',
    ),
    rateLimited: new Counter({
      name: 'tagstream_rate_limited_total',
      help: 'Requests (api), socket connections (socket) and watch messages (watch) refused by the per-client limits.',
      labelNames: ['kind'],
      registers: [registry],
    }),
    webhookAlerts: new Counter({
      name: 'tagstream_webhook_alerts_total',
      help: 'Trending alerts to TRENDING_WEBHOOK_URL: sent, failed (after retries or refused) or dropped (queue full).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** Registers the source's gauges and counters, read from `source.status()` at each scrape. */
export function registerSourceMetrics(
  registry: Registry,
  source: Pick<TweetSource, 'status'>,
): void {
  new Gauge({
    name: 'tagstream_source_up',
    help: '1 while the tweet source is connected (or replaying), else 0.',
    registers: [registry],
    collect() {
      this.set(source.status().connection.state === 'live' ? 1 : 0);
    },
  });
  cumulative(
    registry,
    'tagstream_source_reconnects_total',
    'Source reconnections.',
    () => source.status().reconnects,
  );
  cumulative(
    registry,
    'tagstream_source_errors_total',
    'Source errors.',
    () => source.status().errors,
  );
}

/** A counter that follows a running total kept elsewhere. */
function cumulative(registry: Registry, name: string, help: string, total: () => number): void {
  let reported = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = total();
      if (now > reported) this.inc(now - reported);
      reported = Math.max(reported, now);
    },
  });
}
