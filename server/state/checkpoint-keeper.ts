import type { Logger } from 'pino';
import type { Ingest } from '../ingestion/ingest';
import type { CheckpointStore } from './checkpoint-store';
import { captureServerState, restoreServerState } from './server-checkpoint';
import type { RestoreOutcome } from './server-checkpoint';

export interface CheckpointKeeperOptions {
  store: CheckpointStore;
  ingest: Ingest;
  /** Between periodic checkpoints; 0: only at `stop()`. */
  intervalMs: number;
  logger: Logger;
  /** Wall-clock time; injected by tests. */
  now?: () => number;
}

/** Size and durations of one checkpoint, for logs, metrics and the benchmark. */
export interface CheckpointTiming {
  bytes: number;
  /** Taking and encoding the state (the event loop is blocked for the synchronous part). */
  encodeMs: number;
  /** Encoding plus writing to the store. */
  totalMs: number;
}

/**
 * Keeps the server's state in a `CheckpointStore`: restores it at start (or says in one line why
 * not, setting a bad checkpoint aside), saves it every `intervalMs` and once more at `stop()`.
 * Nothing here throws: a store that fails is a warning, and the server goes on.
 */
export class CheckpointKeeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CheckpointTiming | undefined> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CheckpointKeeperOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Before the pipeline starts. */
  async restore(): Promise<RestoreOutcome | undefined> {
    const { store, ingest, logger } = this.options;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await store.load();
    } catch (error) {
      const reason = `cannot read ${store.location}: ${(error as Error).message}`;
      await this.setAside(reason);
      logger.warn({ location: store.location }, `starting empty: ${reason}`);
      return { restored: false, bad: true, reason };
    }
    if (bytes === undefined) {
      logger.info({ location: store.location }, 'starting empty: no checkpoint yet');
      return undefined;
    }
    const outcome = await restoreServerState(bytes, ingest, this.now());
    if (outcome.restored) {
      const { lastBatchTime } = outcome.header;
      logger.info(
        { location: store.location, lastBatchTime, skippedBatches: outcome.skippedBatches },
        `restored the checkpoint of ${new Date(lastBatchTime!).toISOString()}; ${outcome.skippedBatches} batches missed while down count as empty`,
      );
    } else if (outcome.bad) {
      const aside = await this.setAside(outcome.reason);
      logger.warn(
        { location: store.location, setAside: aside },
        `${outcome.keptHistory ? 'starting with empty windows' : 'starting empty'}: ${outcome.reason}`,
      );
    } else {
      logger.info({ location: store.location }, `starting empty: ${outcome.reason}`);
    }
    return outcome;
  }

  /** Starts the periodic checkpoints. */
  start(): void {
    if (this.options.intervalMs <= 0 || this.timer !== undefined) return;
    this.timer = setInterval(() => void this.checkpoint(), this.options.intervalMs);
    this.timer.unref();
  }

  /**
   * Saves a checkpoint now, unless one is being saved (then resolves that one's timing).
   * Resolves undefined when it failed (logged).
   */
  checkpoint(): Promise<CheckpointTiming | undefined> {
    this.running ??= this.save().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the periodic checkpoints and saves a last one (the pipeline has stopped). */
  async stop(): Promise<CheckpointTiming | undefined> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    const timing = await this.checkpoint();
    if (timing !== undefined) {
      this.options.logger.info({ ...timing }, 'checkpoint saved at shutdown');
    }
    return timing;
  }

  private async save(): Promise<CheckpointTiming | undefined> {
    const { store, ingest, logger } = this.options;
    const started = performance.now();
    try {
      const bytes = await captureServerState(ingest, this.now());
      const encodeMs = performance.now() - started;
      const accepted = await store.save(bytes);
      const timing = { bytes: bytes.length, encodeMs, totalMs: performance.now() - started };
      if (!accepted) logger.warn({ location: store.location }, 'checkpoint refused by the store');
      else logger.debug({ ...timing }, 'checkpoint saved');
      return accepted ? timing : undefined;
    } catch (error) {
      logger.warn({ err: error, location: store.location }, 'checkpoint failed; will try again');
      return undefined;
    }
  }

  private async setAside(reason: string): Promise<string | undefined> {
    try {
      return await this.options.store.setAside(reason);
    } catch {
      return undefined;
    }
  }
}
