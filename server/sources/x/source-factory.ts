/**
 * Builds the live X sources from the checked config: one twitter-api-v2 client aimed at
 * X_API_BASE_URL, the fields every source asks for, and the resilience settings.
 */
import type { Config } from '@/server/config';
import type { TweetSource } from '../types';
import { createXClient, POST_FIELDS } from './x-client';
import type { XLogger } from './x-logger';
import { parseRuleLines, syncStreamRules } from './rules-sync';
import { XSearchSource } from './search-source';
import { XStreamSource } from './stream-source';
import type { ServerClock } from '../../time/server-clock';

export type XSourceKind = 'filtered' | 'sample' | 'search';

/** A connection that ends sooner than this (times X_BACKOFF_SCALE, at least 50 ms) backs off. */
export const HEALTHY_CONNECTION_MS = 2_000;

export type XSourceConfig = Pick<
  Config,
  | 'X_BEARER_TOKEN'
  | 'X_API_BASE_URL'
  | 'X_STREAM_RULES'
  | 'X_SEARCH_QUERY'
  | 'X_POLL_INTERVAL_MS'
  | 'X_STALL_TIMEOUT_MS'
  | 'X_BACKOFF_SCALE'
>;

export function createXSource(
  kind: XSourceKind,
  config: XSourceConfig,
  logger: XLogger,
  /** Default: the system clock; tests pass a `ManualServerClock`. */
  clock?: ServerClock,
): TweetSource {
  if (!config.X_BEARER_TOKEN)
    throw new Error(`X_BEARER_TOKEN is required for TWEET_SOURCE=${kind}`);
  const client = createXClient({
    bearerToken: config.X_BEARER_TOKEN,
    baseUrl: config.X_API_BASE_URL,
  });
  if (kind === 'search')
    return new XSearchSource({
      client,
      query: config.X_SEARCH_QUERY.trim(),
      pollIntervalMs: config.X_POLL_INTERVAL_MS,
      requestTimeoutMs: config.X_STALL_TIMEOUT_MS,
      backoffScale: config.X_BACKOFF_SCALE,
      logger,
      clock,
    });
  const common = {
    stallTimeoutMs: config.X_STALL_TIMEOUT_MS,
    backoffScale: config.X_BACKOFF_SCALE,
    healthyAfterMs: Math.max(50, HEALTHY_CONNECTION_MS * config.X_BACKOFF_SCALE),
    logger,
    clock,
  };
  if (kind === 'sample')
    return new XStreamSource({
      ...common,
      kind,
      label: 'live · sample stream',
      createStream: () => client.v2.sampleStream({ ...POST_FIELDS, autoConnect: false }),
    });
  const rules = parseRuleLines(config.X_STREAM_RULES);
  return new XStreamSource({
    ...common,
    kind,
    label: 'live · filtered stream',
    createStream: () => client.v2.searchStream({ ...POST_FIELDS, autoConnect: false }),
    prepare: async () => {
      const plan = await syncStreamRules(client, rules);
      logger.info(
        { source: kind, added: plan.add.length, deleted: plan.deleteIds.length },
        'X stream rules synced',
      );
      for (const rule of plan.rejected) logger.warn({ source: kind }, `X refused a rule: ${rule}`);
    },
  });
}
