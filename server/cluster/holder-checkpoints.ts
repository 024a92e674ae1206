/**
 * The holder's checkpoints in Redis: restored when a term begins, saved every interval while it
 * runs and once more when the server stops (before the lease is released). Saves are fenced by
 * the store; a save that fails (Redis away) is retried at the next interval.
 */
import type { Logger } from 'pino';
import type { RedisCheckpointStore } from '../state/redis-checkpoint-store';
import { captureServerState, restoreServerState } from '../state/server-checkpoint';
import type { HolderTerm } from './holder-term';
import { ThrottledLog } from '../ingestion/throttled-log';

export class HolderCheckpoints {
  private timer: NodeJS.Timeout | undefined;
  private readonly failureLog: ThrottledLog;
  private saves = 0;
  /** The state of a term that ended without a shutdown (lease not renewed in time). */
  private kept: { token: number; bytes: Uint8Array } | undefined;

  constructor(
    private readonly store: RedisCheckpointStore,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.failureLog = new ThrottledLog(logger, 'checkpoint to redis failed; retried next interval');
  }

  /** Checkpoints saved so far. */
  get saved(): number {
    return this.saves;
  }

  /**
   * Restores the latest checkpoint into `term` (not yet started); a bad one is set aside. The
   * results already shown stay when they are newer than the checkpoint's (this instance followed
   * the previous holder until it stopped).
   */
  async restore(term: HolderTerm): Promise<void> {
    if (!keepsCheckpoints(term)) return;
    const bytes = await this.latestBytes();
    if (bytes === undefined) return void this.logger.info('no checkpoint: starting empty');
    const shown = term.ingest.store.snapshot();
    const outcome = await restoreServerState(bytes, term.ingest);
    const restoredTime = term.ingest.store.latest()?.batchTime ?? -Infinity;
    if ((shown.latest?.batchTime ?? -Infinity) > restoredTime) term.ingest.store.restore(shown);
    if (outcome.restored) {
      const { skippedBatches, resumedAtBatchTime } = outcome;
      this.logger.info(
        { bytes: bytes.byteLength, skippedBatches, resumedAtBatchTime },
        'restored the checkpoint',
      );
      return;
    }
    if (!outcome.bad) return void this.logger.info({ reason: outcome.reason }, 'starting empty');
    const aside = await this.store.setAside(outcome.reason).catch(() => '(not set aside)');
    this.logger.warn(
      { reason: outcome.reason, aside },
      outcome.keptHistory
        ? 'checkpoint in redis of another job version: starting with empty windows'
        : 'checkpoint in redis unusable: starting empty',
    );
  }

  /**
   * Keeps `term`'s state here when it ends without a shutdown: should Redis have lost the
   * checkpoint meanwhile (a restart without persistence), this instance, taking the lease back,
   * goes on from where it stopped.
   */
  async keep(term: HolderTerm): Promise<void> {
    if (!keepsCheckpoints(term)) return;
    try {
      this.kept = { token: term.token, bytes: await captureServerState(term.ingest) };
    } catch (error) {
      this.logger.warn({ err: error }, 'could not keep the state of the ended term');
    }
  }

  /** Redis's checkpoint, or the state kept here when it is at least as recent (same holder). */
  private async latestBytes(): Promise<Uint8Array | undefined> {
    const kept = this.kept;
    this.kept = undefined;
    const stored = await this.store.loadWithToken();
    if (kept && (stored === undefined || kept.token >= stored.token)) {
      this.logger.info({ fencingToken: kept.token }, 'going on from the state kept here');
      return kept.bytes;
    }
    return stored?.bytes;
  }

  start(term: HolderTerm): void {
    this.stop();
    if (!keepsCheckpoints(term)) {
      this.logger.info('fixture replay: starting over with fresh state (no checkpoint)');
      return;
    }
    this.timer = setInterval(() => void this.save(term), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Saves `term`'s state now; resolves false when refused or failed (never rejects). */
  async save(term: HolderTerm): Promise<boolean> {
    if (!keepsCheckpoints(term)) return false;
    try {
      const saved = await this.store.save(await captureServerState(term.ingest));
      if (saved) this.saves++;
      else this.logger.warn({ fencingToken: term.token }, 'checkpoint refused: a newer holder');
      return saved;
    } catch (error) {
      this.failureLog.report({ err: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }
}

/** As for one process: a live source's state is checkpointed; a fixture replay starts over. */
function keepsCheckpoints(term: HolderTerm): boolean {
  return term.ingest.timeMode === 'arrival';
}
