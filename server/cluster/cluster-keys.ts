/** The Redis keys of one Tagstream app, all under `REDIS_KEY_PREFIX`. */
export interface ClusterKeys {
  /** The ingestion lease: its value names the holder. */
  lease: string;
  /** The fencing counter: INCR'd on every acquisition, so each holder's token is higher. */
  fence: string;
  /** Stream of the holder's batch results, the recent ones kept for instances that start. */
  results: string;
  /** The latest checkpoint (a hash: token, bytes, savedAtMs). */
  checkpoint: string;
  /** The holder's per-minute history (a hash: token, bytes), read by the other instances. */
  history: string;
  /** Every instance's watched tags (a hash: instance → keys), gathered by the holder. */
  watched: string;
  /** The holder's tag details and filtered views of what the instances ask (a hash: token, bytes). */
  views: string;
  /** Every instance's asked details and filters (a hash: instance → demand), read by the holder. */
  demand: string;
  /** Prefix of checkpoints set aside because they could not be restored. */
  checkpointAside: string;
  /** socket.io's Redis streams adapter. */
  socketStream: string;
}

export function clusterKeys(prefix: string): ClusterKeys {
  return {
    lease: `${prefix}lease`,
    fence: `${prefix}fence`,
    results: `${prefix}results`,
    checkpoint: `${prefix}checkpoint`,
    history: `${prefix}history`,
    watched: `${prefix}watched`,
    views: `${prefix}views`,
    demand: `${prefix}demand`,
    checkpointAside: `${prefix}checkpoint:aside:`,
    socketStream: `${prefix}socket.io`,
  };
}
