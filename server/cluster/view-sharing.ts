/**
 * Tag details and filtered views on every instance. They come from the holder's job: each
 * follower records what its clients ask (`LocalViewDemand`) and shares it through Redis (at once
 * when something new is asked, and every 5 s while it lasts); after each batch the holder reads
 * everyone's demand and writes the views of that demand at the batch (`SharedViewsStore`) just
 * before the batch's result enters the stream. A follower reads them when it gets the batch and
 * answers from them while that batch is the one it shows.
 *
 * A view asked for the first time is there with the next batch (the one after, when the ask
 * lands just after the holder read the demand): the routes wait for it (`waitFor`) up to
 * `pendingWaitMs`, then answer `pending`; the sockets send it with the batch that brings it.
 */
import type { Logger } from 'pino';
import type { ViewFilter } from '@/lib/view-filters';
import type { DetailReader } from '../detail/detail-answers';
import type { FilterViews } from '../sockets/hub-messages';
import type { RedisClient } from './redis-connection';
import { SharedViewDemand } from './shared-view-demand';
import { SharedViewsIndex } from './shared-view-readers';
import { buildSharedViews, SharedViewsStore } from './shared-views';
import type { HolderViewSources } from './shared-views';
import { LocalViewDemand, NO_DEMAND } from './view-demand';
import type { ViewDemand, ViewDemandBounds } from './view-demand';

/** Tags and filters shared at most, by the holder (for every instance) and asked per instance. */
export const VIEW_DEMAND_BOUNDS: ViewDemandBounds = { maxTags: 64, maxFilters: 16 };
/** An HTTP ask keeps its view shared this long after it was last asked. */
const ASK_TTL_MS = 60_000;
/** A follower writes its demand this often while it has any (the holder drops it 3× later). */
const DEMAND_REFRESH_MS = 5_000;

export interface ViewSharingOptions {
  client: RedisClient;
  keys: { views: string; demand: string; fence: string };
  owner: string;
  batchIntervalMs: number;
  logger: Logger;
}

export class ViewSharing {
  readonly pendingWaitMs: number;
  private readonly store: SharedViewsStore;
  private readonly sharedDemand: SharedViewDemand;
  private readonly localDemand: LocalViewDemand;
  private index: SharedViewsIndex | undefined;
  /** Everyone's demand as the holder last read it. */
  private holderDemand: ViewDemand = NO_DEMAND;
  private readonly waiters = new Set<(stopping?: boolean) => void>();
  private writeQueued = false;
  private refreshTimer: NodeJS.Timeout | undefined;
  private holding = false;
  /** How long the holder waits for the demand before a batch's views (then the last one serves). */
  private readonly demandReadMs: number;

  constructor(private readonly options: ViewSharingOptions) {
    const { client, keys, owner } = options;
    this.store = new SharedViewsStore(client, keys);
    this.sharedDemand = new SharedViewDemand(
      client,
      keys.demand,
      owner,
      3 * DEMAND_REFRESH_MS,
      VIEW_DEMAND_BOUNDS,
    );
    this.localDemand = new LocalViewDemand(VIEW_DEMAND_BOUNDS, ASK_TTL_MS, () => this.queueWrite());
    // An ask reaches the holder's read at the next batch, whose views bring it back; one that
    // lands just after that read waits for the batch after.
    this.pendingWaitMs = 2 * options.batchIntervalMs + 1000;
    this.demandReadMs = Math.min(options.batchIntervalMs / 2, 500);
  }

  start(): void {
    this.refreshTimer = setInterval(() => void this.writeDemand(), DEMAND_REFRESH_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.refreshTimer);
    for (const wake of [...this.waiters]) wake(true);
    await this.sharedDemand.remove().catch(() => undefined);
  }

  /** Whether this instance holds the lease (it then answers from its own job). */
  setHolding(holding: boolean): void {
    this.holding = holding;
    if (holding) this.index = undefined;
  }

  /** `key`'s shared detail at `shownBatchTime`; undefined (and asked for) when not shared. */
  detail(
    key: string,
    shownBatchTime: number | undefined,
    relatedWindowMs?: number,
  ): DetailReader | undefined {
    this.localDemand.askDetail(key, relatedWindowMs);
    return this.current(shownBatchTime)?.detail(key, relatedWindowMs);
  }

  /** The numbers under `filter` at `shownBatchTime`; undefined (and asked for) when not shared. */
  filter(filter: ViewFilter, shownBatchTime: number | undefined): FilterViews | undefined {
    this.localDemand.askFilter(filter);
    return this.current(shownBatchTime)?.filter(filter);
  }

  /** Resolves true once `check()` holds after a views update, false after `pendingWaitMs`. */
  waitFor(check: () => boolean): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(onUpdate);
        resolve(value);
      };
      const onUpdate = (stopping = false) => {
        if (stopping) finish(false);
        else if (check()) finish(true);
      };
      const timer = setTimeout(() => finish(false), this.pendingWaitMs);
      this.waiters.add(onUpdate);
    });
  }

  /** A follower got `batchTime` from the stream: reads that batch's views. Never rejects. */
  async readViews(): Promise<void> {
    try {
      const payload = await this.store.read();
      if (payload !== undefined && !this.holding) this.index = new SharedViewsIndex(payload);
    } catch (error) {
      this.options.logger.debug({ err: error }, 'reading the shared views failed');
    }
  }

  /** Called once the batch the views came with is shown: wakes the waiting requests. */
  notifyShown(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * The holder's side, after each batch and before its result is published: reads everyone's
   * demand (at most `demandReadMs`; else the last one read serves), then sends the views of that
   * demand at the job's newest batch. `current()` is asked after the demand is read: the job may
   * have closed newer batches meanwhile (a busy machine, a slow Redis), and the views are built
   * from its detail as it is then, so they carry that batch's time, never an older one's.
   * Resolves once the write is sent (not answered): a command sent after it on the same client
   * follows it. Never rejects.
   */
  async share(token: number, current: () => HolderViewSources): Promise<void> {
    await this.readHolderDemand();
    try {
      void this.store
        .write(buildSharedViews(this.holderDemand, current()), token)
        .sent.catch(() => undefined);
    } catch (error) {
      this.options.logger.debug({ err: error }, 'writing the shared views failed');
    }
  }

  private async readHolderDemand(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.demandReadMs);
    });
    const read = this.sharedDemand.union().catch(() => undefined);
    const demand = await Promise.race([read, timeout]);
    clearTimeout(timer);
    if (demand !== undefined) this.holderDemand = demand;
  }

  /** The tags everyone asked details of (the holder's history watches them). */
  demandedTags(): string[] {
    return this.holderDemand.details.map(([key]) => key);
  }

  private current(shownBatchTime: number | undefined): SharedViewsIndex | undefined {
    const index = this.index;
    return index !== undefined && index.batchTime === shownBatchTime ? index : undefined;
  }

  private queueWrite(): void {
    if (this.writeQueued) return;
    this.writeQueued = true;
    setImmediate(() => {
      this.writeQueued = false;
      void this.writeDemand();
    });
  }

  private async writeDemand(): Promise<void> {
    if (this.holding) return;
    await this.sharedDemand.write(this.localDemand.current()).catch(() => undefined);
  }
}
