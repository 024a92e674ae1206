/**
 * Where the server keeps its latest checkpoint (engine and job state, serialised): a file in
 * `STATE_DIR` for one process, Redis when many instances share one state (`REDIS_URL`).
 */
export interface CheckpointStore {
  /** Where the checkpoint lives, for log lines (a path or a key); never carries credentials. */
  readonly location: string;
  /**
   * Stores `bytes` as the latest checkpoint, replacing the previous one atomically (a reader sees
   * the old or the new one, never a mix). Resolves false when the store refuses the write, e.g.
   * because a newer holder's fencing token is already recorded there.
   */
  save(bytes: Uint8Array): Promise<boolean>;
  /** The latest checkpoint, or undefined when there is none; rejects when it cannot be read. */
  load(): Promise<Uint8Array | undefined>;
  /**
   * Keeps the current checkpoint aside under another name (renamed, never deleted) so that a bad
   * one can be examined; resolves the new name.
   */
  setAside(reason: string): Promise<string>;
}
