/**
 * The collaborators of a `ClusterNode`, wired to one Redis (`REDIS_URL`): three connections
 * (commands, the sockets adapter, the results reader), the results stream's follower and
 * publisher, the lease and its keeper, the holder's checkpoints, and what the holder shares
 * (per-minute history, every instance's watched tags, tag details and filtered views).
 * The node supplies what they report back to (`ClusterPartsHooks`).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { RedisCheckpointStore } from '../state/redis-checkpoint-store';
import { clusterKeys } from './cluster-keys';
import type { ClusterKeys } from './cluster-keys';
import { HolderCheckpoints } from './holder-checkpoints';
import { LeaseKeeper } from './lease-keeper';
import type { PublishedBatch } from './published-batch';
import { RedisConnection } from './redis-connection';
import { RedisLease } from './redis-lease';
import { ResultsFollower } from './results-follower';
import { ResultsPublisher } from './results-publisher';
import { SharedHistory } from './shared-history';
import { SharedWatchedTags } from './shared-watched-tags';
import { ViewSharing } from './view-sharing';

/** How often, at most, the holder shares its per-minute history with the other instances. */
const HISTORY_SHARE_INTERVAL_MS = 15_000;

export interface ClusterPartsSettings {
  config: Readonly<Config> & { REDIS_URL: string };
  logger: Logger;
  /** Batches the stream keeps, and a starting instance reads back. */
  retainedBatches: number;
  checkpointIntervalMs: number;
}

export interface ClusterPartsHooks {
  /** A batch read from the results stream (every instance's, this one's included). */
  onPublished(batch: PublishedBatch): void;
  /** The lease was taken with `token`; `stillHolding()` turns false if it is lost meanwhile. */
  onAcquired(token: number, stillHolding: () => boolean): Promise<void>;
  onLost(reason: string): Promise<void>;
  /** The highest fencing token seen so far (the keeper never takes a lower one). */
  highestSeenToken(): number;
  /** The token of this instance's term, while it holds the lease. */
  heldToken(): number | undefined;
}

export interface ClusterParts {
  keys: ClusterKeys;
  commands: RedisConnection;
  adapterConnection: RedisConnection;
  follower: ResultsFollower;
  publisher: ResultsPublisher;
  keeper: LeaseKeeper;
  checkpoints: HolderCheckpoints;
  sharedHistory: SharedHistory;
  /** How often the history and the watched tags are shared. */
  historyShareMs: number;
  sharedWatched: SharedWatchedTags;
  viewSharing: ViewSharing;
}

export function createClusterParts(
  settings: ClusterPartsSettings,
  hooks: ClusterPartsHooks,
): ClusterParts {
  const { config, logger } = settings;
  const keys = clusterKeys(config.REDIS_KEY_PREFIX);
  const connection = (name: string, failFast: boolean) =>
    new RedisConnection({ url: config.REDIS_URL, name, failFast, logger });
  const commands = connection('commands', true);
  const follower = new ResultsFollower(
    connection('results', false),
    keys.results,
    settings.retainedBatches,
    (batch) => hooks.onPublished(batch),
    logger.child({ component: 'cluster-results' }),
  );
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = new RedisLease(commands.client, keys, owner, config.LEASE_TTL_MS);
  const checkpointStore = new RedisCheckpointStore(commands.client, keys, hooks.heldToken);
  const historyShareMs = Math.min(HISTORY_SHARE_INTERVAL_MS, settings.checkpointIntervalMs);
  return {
    keys,
    commands,
    adapterConnection: connection('sockets', false),
    follower,
    publisher: new ResultsPublisher(commands.client, keys, settings.retainedBatches, logger),
    keeper: new LeaseKeeper({
      lease,
      connection: commands,
      highestSeenToken: hooks.highestSeenToken,
      onAcquired: hooks.onAcquired,
      onLost: hooks.onLost,
      logger: logger.child({ component: 'cluster-lease' }),
    }),
    checkpoints: new HolderCheckpoints(
      checkpointStore,
      settings.checkpointIntervalMs,
      logger.child({ component: 'cluster-checkpoints' }),
    ),
    sharedHistory: new SharedHistory(commands.client, keys, historyShareMs),
    historyShareMs,
    sharedWatched: new SharedWatchedTags(commands.client, keys.watched, owner, 3 * historyShareMs),
    viewSharing: new ViewSharing({
      client: commands.client,
      keys,
      owner,
      batchIntervalMs: config.BATCH_INTERVAL_MS,
      logger: logger.child({ component: 'cluster-views' }),
    }),
  };
}
