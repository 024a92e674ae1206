/** What `/readyz` and the dashboard say about this instance's place among several. */
import type { SourceKind, SourceStatus } from '@/lib/protocol';
import type { PublishedBatch } from './published-batch';

export interface ClusterStatus {
  role: 'holder' | 'standby';
  redis: 'connected' | 'unreachable';
  /** This instance's fencing token while it holds the lease. */
  fencingToken?: number;
  /** Batch time of the last result published by a holder that reached this instance. */
  lastPublishedBatchTime?: number;
  /** Results dropped because they came from a holder older than one already seen. */
  staleResults: number;
  /** Results this instance published that Redis refused: a later holder had drawn a token. */
  refusedResults: number;
  /** Checkpoints this instance saved to Redis while holding. */
  checkpointsSaved: number;
  /** What works less well than it should, for people; absent when all is well. */
  degraded?: string;
}

export interface ClusterFacts {
  holding: boolean;
  fencingToken: number | undefined;
  redisConnected: boolean;
  redisError: string;
  lastPublished: PublishedBatch | undefined;
  staleResults: number;
  refusedResults: number;
  checkpointsSaved: number;
}

export function describeCluster(facts: ClusterFacts): ClusterStatus {
  const status: ClusterStatus = {
    role: facts.holding ? 'holder' : 'standby',
    redis: facts.redisConnected ? 'connected' : 'unreachable',
    staleResults: facts.staleResults,
    refusedResults: facts.refusedResults,
    checkpointsSaved: facts.checkpointsSaved,
  };
  if (facts.fencingToken !== undefined) status.fencingToken = facts.fencingToken;
  if (facts.lastPublished) status.lastPublishedBatchTime = facts.lastPublished.result.batchTime;
  if (!facts.redisConnected) {
    status.degraded = facts.holding
      ? 'Redis unreachable: ingesting here, not shared with other instances nor checkpointed'
      : 'Redis unreachable: showing the last results received';
  }
  return status;
}

/** The source as a follower reports it before any holder has published a batch. */
export function waitingForHolder(kind: SourceKind): SourceStatus {
  return {
    kind,
    label: 'waiting for the ingesting instance',
    connection: { state: 'connecting' },
    reconnects: 0,
    errors: 0,
    tweetsPerSec: 0,
  };
}
