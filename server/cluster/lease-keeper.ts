/**
 * Keeps this instance's side of the ingestion lease: tries to take it while another instance may
 * hold it, renews it while holding, and gives it up on time.
 *
 * Timing, for a lease of `ttlMs` (T): a standby instance tries every T/10 (at most every second,
 * at least every 100 ms), so a dead holder is replaced at most about T + 1 s after its last
 * renewal, plus a batch interval before the first result; the holder renews every
 * T/3, each command bounded to T/4. The holder stops acting at `sent + 3T/4`, where `sent` is when
 * its last successful renewal left: the lease cannot have expired in Redis before `sent + T`, so
 * `onLost` (stopping the source) has T/4 to finish before anyone else can take the lease. After a
 * reconnection to Redis a standby instance waits T before trying, so that a holder whose lease
 * Redis lost (a restart without persistence) takes it back first, with its state; the last
 * holder itself, if it had to stop meanwhile, does not wait.
 */
import type { Logger } from 'pino';
import type { ScheduledTask } from '@/lib/engine';
import type { ServerClock } from '../time/server-clock';
import { systemServerClock } from '../time/system-server-clock';
import { withTimeout } from '../time/with-timeout';
import type { RedisConnection } from './redis-connection';
import type { RedisLease } from './redis-lease';
import { ThrottledLog } from '../ingestion/throttled-log';

export interface LeaseKeeperOptions {
  lease: RedisLease;
  connection: RedisConnection;
  /** The highest fencing token this instance has seen (e.g. on published results). */
  highestSeenToken(): number;
  /** Now the holder with `token`; `stillHolding()` turns false once the lease is lost. */
  onAcquired(token: number, stillHolding: () => boolean): Promise<void>;
  /** No longer the holder: stop acting as one (stop the source) promptly. */
  onLost(reason: string): Promise<void>;
  logger: Logger;
  /** Default: the system clock. */
  clock?: ServerClock;
}

export type LeaseRole = 'standby' | 'holder' | 'stopped';

export class LeaseKeeper {
  private role_: LeaseRole = 'standby';
  private token_: number | undefined;
  private lastToken = 0;
  private deadlineTimer: ScheduledTask | undefined;
  private tickTimer: ScheduledTask | undefined;
  /** Transitions (acquired, lost) run one after the other, never overlapping. */
  private transitions: Promise<void> = Promise.resolve();
  private seenEpoch = 0;
  private readySinceMs = 0;
  private readonly failureLog: ThrottledLog;
  private readonly ttlMs: number;
  private readonly clock: ServerClock;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.ttlMs = options.lease.ttlMs;
    this.clock = options.clock ?? systemServerClock;
    this.failureLog = new ThrottledLog(options.logger, 'lease command failed');
  }

  get role(): LeaseRole {
    return this.role_;
  }

  /** The fencing token while holding; undefined otherwise. */
  get token(): number | undefined {
    return this.role_ === 'holder' ? this.token_ : undefined;
  }

  start(): void {
    this.schedule(0);
    // A holder renews as soon as Redis is back rather than at its next tick.
    this.options.connection.client.on('ready', () => {
      if (this.role_ !== 'holder') return;
      this.tickTimer?.cancel();
      this.schedule(0);
    });
  }

  /**
   * Stops trying; when holding, runs `onLost(reason)` (the source stops) and only then releases
   * the lease, so a successor never overlaps with this instance's source.
   */
  async stop(reason = 'shutting down'): Promise<void> {
    if (this.role_ === 'stopped') return;
    const wasHolding = this.role_ === 'holder';
    this.role_ = 'stopped';
    this.tickTimer?.cancel();
    this.deadlineTimer?.cancel();
    if (wasHolding) this.transitions = this.transitions.then(() => this.options.onLost(reason));
    await this.transitions;
    if (!wasHolding || !this.options.connection.isReady) return;
    try {
      const released = await withTimeout(this.clock, this.options.lease.release(), this.ttlMs / 4);
      if (released) this.options.logger.info({ reason }, 'released the ingestion lease');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'lease release failed; it expires by itself');
    }
  }

  private schedule(delayMs: number): void {
    if (this.role_ === 'stopped') return;
    this.tickTimer = this.clock.setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.role_ === 'holder') await this.renew();
    else if (this.role_ === 'standby') await this.tryAcquire();
    this.schedule(this.role_ === 'holder' ? this.ttlMs / 3 : standbyPeriodMs(this.ttlMs));
  }

  private async tryAcquire(): Promise<void> {
    const { connection, lease } = this.options;
    if (!connection.isReady) return;
    const nowMs = this.clock.monotonicNow();
    if (connection.epoch !== this.seenEpoch) {
      // A reconnection (not the first connection): give a holder the time to take back its lease.
      if (this.seenEpoch !== 0) this.readySinceMs = nowMs;
      this.seenEpoch = connection.epoch;
    }
    const minToken = Math.max(this.lastToken, this.options.highestSeenToken());
    // The last holder (no later token seen) need not wait: it is the one the others wait for.
    const lastHolder = this.lastToken > 0 && this.lastToken >= minToken;
    if (!lastHolder && this.readySinceMs !== 0 && nowMs - this.readySinceMs < this.ttlMs) return;
    try {
      const token = await withTimeout(this.clock, lease.acquire(minToken), this.ttlMs / 4);
      if (token === undefined || this.role_ !== 'standby') return;
      this.becomeHolder(token, nowMs);
    } catch (error) {
      this.failureLog.report({ command: 'acquire', err: errorMessage(error) });
    }
  }

  private becomeHolder(token: number, sentAtMs: number): void {
    this.role_ = 'holder';
    this.token_ = token;
    this.lastToken = token;
    this.armDeadline(sentAtMs);
    this.options.logger.info({ fencingToken: token }, 'took the ingestion lease');
    const stillHolding = () => this.role_ === 'holder' && this.token_ === token;
    this.transitions = this.transitions.then(() =>
      this.options.onAcquired(token, stillHolding).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'starting as lease holder failed');
      }),
    );
  }

  private async renew(): Promise<void> {
    const token = this.token_!;
    const sentAtMs = this.clock.monotonicNow();
    try {
      const outcome = await withTimeout(
        this.clock,
        this.options.lease.renew(token),
        this.ttlMs / 4,
      );
      if (this.role_ !== 'holder' || this.token_ !== token) return;
      if (outcome === 'lost') return this.lose('the lease is held by another instance');
      if (outcome === 'reclaimed') this.options.logger.warn('took the ingestion lease back');
      this.armDeadline(sentAtMs);
    } catch (error) {
      this.failureLog.report({ command: 'renew', err: errorMessage(error) });
    }
  }

  /** The holder stops acting at `sentAtMs + 3T/4` unless a renewal sent later succeeds. */
  private armDeadline(sentAtMs: number): void {
    this.deadlineTimer?.cancel();
    const delayMs = sentAtMs + (this.ttlMs * 3) / 4 - this.clock.monotonicNow();
    this.deadlineTimer = this.clock.setTimeout(
      () => this.lose('the lease could not be renewed'),
      delayMs,
    );
  }

  private lose(reason: string): void {
    if (this.role_ !== 'holder') return;
    this.deadlineTimer?.cancel();
    this.role_ = 'standby';
    this.token_ = undefined;
    this.options.logger.warn({ reason }, 'lost the ingestion lease; stopping ingestion');
    this.transitions = this.transitions.then(() =>
      this.options.onLost(reason).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'stopping as lease holder failed');
      }),
    );
  }
}

/** How often an instance that does not hold the lease tries to take it. */
export function standbyPeriodMs(ttlMs: number): number {
  return Math.min(1000, Math.max(100, ttlMs / 10));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
