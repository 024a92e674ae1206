/** Wires a `ClusterNode` into the server when `REDIS_URL` is set. */
import type { Logger } from 'pino';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { SERIES_LENGTH } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { Config } from '../config';
import { createIngest } from '../ingestion/ingest';
import type { IngestShared } from '../ingestion/ingest';
import type { TrendsServer } from '../sockets/hub';
import { createSource } from '../sources/create-source';
import { ClusterNode } from './cluster-node';

/** Entries the socket.io adapter's stream keeps (it only relays broadcasts; they are small). */
const ADAPTER_STREAM_MAX_LEN = 1000;
export function createClusterNode(
  config: Readonly<Config>,
  logger: Logger,
  shared: IngestShared,
  onBatch: () => void,
  localWatchedKeys: () => Set<string>,
  onHolderResult?: (result: TrendsBatchResult) => void,
): ClusterNode | undefined {
  const url = config.REDIS_URL;
  if (url === undefined) return undefined;
  return new ClusterNode({
    config: { ...config, REDIS_URL: url },
    logger,
    store: shared.store,
    stats: shared.stats,
    retainedBatches: SERIES_LENGTH,
    checkpointIntervalMs: config.CHECKPOINT_INTERVAL_MS,
    createSource: () => createSource(config, logger),
    createIngest: (timeMode, onResult) => createIngest(config, shared, timeMode, logger, onResult),
    onBatch,
    localWatchedKeys,
    onHolderResult,
  });
}

/**
 * socket.io's Redis streams adapter: a broadcast to a room (`io.to(room).emit`) reaches the
 * sockets of every instance. What each instance sends its own dashboards from its own store goes
 * through `io.local` instead, or every client would get it once per instance.
 */
export function useRedisAdapter(io: TrendsServer, node: ClusterNode): void {
  io.adapter(
    createAdapter(node.adapterClient, {
      streamName: node.keys.socketStream,
      maxLen: ADAPTER_STREAM_MAX_LEN,
      onlyPlaintext: true,
    }),
  );
}
