/**
 * This instance's part in a group of instances sharing one Redis (`REDIS_URL`). Exactly one of
 * them, the lease holder, runs the source and the engine; it publishes each batch's result, and
 * every instance (the holder included) feeds its store and sockets from what it gets: its own
 * results at once, the others' through the results stream. A result is shown only when its
 * batch is newer than the one shown, so a successor replaying from a checkpoint never moves the
 * dashboards back, and results carrying a fencing token lower than one already seen are dropped.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { EngineStats, SourceStatus } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { Config } from '../config';
import type { EngineStatsTracker } from '../ingestion/engine-stats-tracker';
import type { InMemoryTrendStore } from '../ingestion/trend-store';
import { RedisCheckpointStore } from '../state/redis-checkpoint-store';
import { clusterKeys } from './cluster-keys';
import type { ClusterKeys } from './cluster-keys';
import { describeCluster } from './cluster-status';
import type { ClusterStatus } from './cluster-status';
import { HolderCheckpoints } from './holder-checkpoints';
import { HolderTerm } from './holder-term';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { ViewFilter } from '@/lib/view-filters';
import type { DetailReader } from '../detail/detail-answers';
import type { FilterViews } from '../sockets/hub-messages';
import type { HolderTermFactories } from './holder-term';
import { LeaseKeeper } from './lease-keeper';
import type { PublishedBatch } from './published-batch';
import { RedisConnection } from './redis-connection';
import type { RedisClient } from './redis-connection';
import { RedisLease } from './redis-lease';
import { ResultsFollower } from './results-follower';
import { ResultsPublisher } from './results-publisher';
import { SharedHistory } from './shared-history';
import { SharedWatchedTags } from './shared-watched-tags';
import { ViewSharing } from './view-sharing';

/** How often, at most, the holder shares its per-minute history with the other instances. */
const HISTORY_SHARE_INTERVAL_MS = 15_000;

export interface ClusterNodeOptions extends HolderTermFactories {
  config: Readonly<Config> & { REDIS_URL: string };
  logger: Logger;
  store: InMemoryTrendStore;
  stats: EngineStatsTracker;
  /** Batches the stream keeps, and a starting instance reads back. */
  retainedBatches: number;
  checkpointIntervalMs: number;
  /** A newer batch is in the store. */
  onBatch(): void;
  /** The tags this instance's dashboards watch. */
  localWatchedKeys(): Set<string>;
  /** Each batch's result, on the lease holder only (before it is published). */
  onHolderResult?(result: TrendsBatchResult): void;
}

export class ClusterNode {
  readonly keys: ClusterKeys;
  private readonly commands: RedisConnection;
  private readonly adapterConnection: RedisConnection;
  private readonly follower: ResultsFollower;
  private readonly publisher: ResultsPublisher;
  private readonly keeper: LeaseKeeper;
  private readonly checkpoints: HolderCheckpoints;
  private readonly sharedHistory: SharedHistory;
  private readonly historyShareMs: number;
  private readonly sharedWatched: SharedWatchedTags;
  private readonly viewSharing: ViewSharing;
  /** Followed batches are shown in order, each after reading its shared views. */
  private following: Promise<void> = Promise.resolve();
  private newestFollowed: PublishedBatch | undefined;
  /** The holder's results go out in order, each after its shared views. */
  private publishing: Promise<void> = Promise.resolve();
  /** Every instance's watched tags, as the holder last read them. */
  private watchedEverywhere = new Set<string>();
  private exchangeTimer: NodeJS.Timeout | undefined;
  private term: HolderTerm | undefined;
  private highestToken = 0;
  private lastPublished: PublishedBatch | undefined;
  private staleResults = 0;
  /** The highest token of a result shown. */
  private shownToken = 0;

  constructor(private readonly options: ClusterNodeOptions) {
    const { config, logger } = options;
    const url = config.REDIS_URL;
    this.keys = clusterKeys(config.REDIS_KEY_PREFIX);
    const connection = (name: string, failFast: boolean) =>
      new RedisConnection({ url, name, failFast, logger });
    this.commands = connection('commands', true);
    this.adapterConnection = connection('sockets', false);
    const reader = connection('results', false);
    this.follower = new ResultsFollower(
      reader,
      this.keys.results,
      options.retainedBatches,
      (batch) => this.onPublished(batch),
      logger.child({ component: 'cluster-results' }),
    );
    this.publisher = new ResultsPublisher(
      this.commands.client,
      this.keys,
      options.retainedBatches,
      logger,
    );
    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const lease = new RedisLease(this.commands.client, this.keys, owner, config.LEASE_TTL_MS);
    const checkpointStore = new RedisCheckpointStore(
      this.commands.client,
      this.keys,
      () => this.term?.token,
    );
    this.checkpoints = new HolderCheckpoints(
      checkpointStore,
      options.checkpointIntervalMs,
      logger.child({ component: 'cluster-checkpoints' }),
    );
    this.historyShareMs = Math.min(HISTORY_SHARE_INTERVAL_MS, options.checkpointIntervalMs);
    this.sharedHistory = new SharedHistory(this.commands.client, this.keys, this.historyShareMs);
    this.sharedWatched = new SharedWatchedTags(
      this.commands.client,
      this.keys.watched,
      owner,
      3 * this.historyShareMs,
    );
    this.viewSharing = new ViewSharing({
      client: this.commands.client,
      keys: this.keys,
      owner,
      batchIntervalMs: config.BATCH_INTERVAL_MS,
      logger: logger.child({ component: 'cluster-views' }),
    });
    this.keeper = new LeaseKeeper({
      lease,
      connection: this.commands,
      highestSeenToken: () => this.highestToken,
      onAcquired: (token, stillHolding) => this.beginTerm(token, stillHolding),
      onLost: (reason) => this.endTerm(reason),
      logger: logger.child({ component: 'cluster-lease' }),
    });
    this.commands.client.on('ready', () => void this.publisher.flush());
  }

  /**
   * The per-minute history: the holder's own (it lives in its job); on a follower, the one the
   * holder last shared through Redis (undefined before any; rejects while Redis is away).
   */
  history(): TagHistory | Promise<TagHistory | undefined> {
    return this.term?.ingest.pipeline.history ?? this.sharedHistory.read();
  }

  /**
   * The numbers under `filter`: the holder's own (they live in its job); on a follower, those
   * the holder shared with the batch shown, undefined (and asked for) until it shares them.
   */
  filteredViews(filter: ViewFilter): FilterViews | undefined {
    if (this.term !== undefined) return this.term.ingest.pipeline.filteredViews();
    return this.viewSharing.filter(filter, this.options.store.latest()?.batchTime);
  }

  /**
   * The latest posts and related tags of `key` (in `relatedWindowMs`): the holder's own; on a
   * follower, those shared with the batch shown, undefined (and asked for) until shared.
   */
  detail(key: string, relatedWindowMs?: number): DetailReader | undefined {
    if (this.term !== undefined) return this.term.ingest.pipeline.detail;
    const shownBatchTime = this.options.store.latest()?.batchTime;
    return this.viewSharing.detail(key, shownBatchTime, relatedWindowMs);
  }

  /**
   * Waits until `check()` holds after a batch brought the holder's shared views, at most about
   * two batches (true), or gives up (false).
   */
  waitForSharedViews(check: () => boolean): Promise<boolean> {
    return this.viewSharing.waitFor(check);
  }

  /** The client socket.io's Redis streams adapter publishes with (it duplicates it to read). */
  get adapterClient(): RedisClient {
    return this.adapterConnection.client;
  }

  /** Connects (in the background: the server serves at once) and starts taking part. */
  start(): void {
    this.commands.connect();
    this.adapterConnection.connect();
    this.follower.start();
    this.keeper.start();
    this.viewSharing.start();
    this.exchangeTimer = setInterval(() => void this.exchangeWatched(), this.historyShareMs);
  }

  /** Shares this instance's watched tags; the holder also gathers everyone's. Never rejects. */
  private async exchangeWatched(): Promise<void> {
    try {
      await this.sharedWatched.write(this.options.localWatchedKeys());
      if (this.term !== undefined) this.watchedEverywhere = await this.sharedWatched.union();
    } catch {
      // Redis away: the last union stays; the connection's own log says why.
    }
  }

  /** Stops the source (when holding), saves a last checkpoint, releases the lease, disconnects. */
  async stop(): Promise<void> {
    clearInterval(this.exchangeTimer);
    await this.sharedWatched.remove().catch(() => undefined);
    await this.viewSharing.stop();
    await this.keeper.stop();
    await this.follower.stop();
    await this.following;
    await this.adapterConnection.close();
    await this.commands.close();
  }

  status(): ClusterStatus {
    return describeCluster({
      holding: this.term !== undefined,
      fencingToken: this.term?.token,
      redisConnected: this.commands.isReady,
      redisError: this.commands.error,
      lastPublished: this.lastPublished,
      staleResults: this.staleResults,
      refusedResults: this.publisher.refusedCount,
      checkpointsSaved: this.checkpoints.saved,
    });
  }

  /** The source as this instance knows it: its own while holding, else the holder's. */
  sourceStatus(): SourceStatus {
    const degraded = this.status().degraded;
    const base = this.term?.source.status() ?? this.lastPublished?.source ?? this.waitingSource();
    return degraded === undefined ? base : { ...base, degraded };
  }

  /** Engine figures: this instance's own while holding, else the holder's last published. */
  stats(): EngineStats {
    if (this.term !== undefined || this.lastPublished === undefined)
      return this.options.stats.current();
    return this.lastPublished.stats;
  }

  /** True while the holder's source is connected (here, or as last published by the holder). */
  sourceReady(): boolean {
    if (this.term !== undefined) return this.term.ready;
    return this.lastPublished?.source.connection.state === 'live';
  }

  private waitingSource(): SourceStatus {
    return {
      kind: this.options.config.TWEET_SOURCE,
      label: 'waiting for the ingesting instance',
      connection: { state: 'connecting' },
      reconnects: 0,
      errors: 0,
      tweetsPerSec: 0,
    };
  }

  private async beginTerm(token: number, stillHolding: () => boolean): Promise<void> {
    this.highestToken = Math.max(this.highestToken, token);
    const term = new HolderTerm(token, this.options, (owner, result) =>
      this.onResult(owner, result),
    );
    await this.checkpoints.restore(term).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'reading the checkpoint failed: starting empty');
    });
    if (!stillHolding()) return;
    this.term = term;
    this.viewSharing.setHolding(true);
    await term.start();
    this.checkpoints.start(term);
    this.sharedHistory.startWriting(() => term.ingest.pipeline.history, token, this.historyShareMs);
  }

  private async endTerm(reason: string): Promise<void> {
    const term = this.term;
    if (!term) return;
    this.checkpoints.stop();
    this.sharedHistory.stopWriting();
    await term.stop();
    // A last checkpoint when leaving on our own (shutdown); else the state stays here, in case
    // this instance takes the lease back from a Redis that lost the checkpoint.
    if (reason === 'shutting down') await this.checkpoints.save(term);
    else await this.checkpoints.keep(term);
    this.term = undefined;
    this.viewSharing.setHolding(false);
  }

  private onResult(term: HolderTerm, result: TrendsBatchResult): void {
    if (this.term !== term) return;
    // Watched tags are kept in the history from the minute a dashboard, anywhere, watches them.
    // So are the tags whose detail is asked on any instance (they are shared from the next batch).
    const watched = new Set([
      ...this.watchedEverywhere,
      ...this.options.localWatchedKeys(),
      ...this.viewSharing.demandedTags(),
    ]);
    const { pipeline } = term.ingest;
    pipeline.history.setWatched(watched);
    this.options.onHolderResult?.(result);
    this.show(result, term.token, term.source.timeMode === 'virtual');
    const batch = {
      token: term.token,
      result,
      stats: this.options.stats.current(),
      source: term.source.status(),
    };
    const views = {
      detail: pipeline.detail,
      filteredViews: pipeline.filteredViews(),
      windowsMs: this.options.config.WINDOWS.map((window) => window.windowMs),
    };
    // The views go out before the result (same connection): a follower reading them when it
    // gets the result finds this batch's. Chained, so that results stay in order.
    this.publishing = this.publishing.then(async () => {
      await this.viewSharing.share(result, term.token, views);
      void this.publisher.publish(batch);
    });
  }

  private onPublished(batch: PublishedBatch): void {
    if (batch.token < this.highestToken) {
      this.staleResults++;
      return;
    }
    this.highestToken = batch.token;
    this.lastPublished = batch;
    if (this.term?.token === batch.token) return;
    // Of a run of batches (e.g. the kept ones, at start), only the newest reads its views.
    this.newestFollowed = batch;
    this.following = this.following.then(async () => {
      if (this.newestFollowed === batch) await this.viewSharing.readViews();
      if (this.term?.token === batch.token) return;
      this.show(batch.result, batch.token, batch.source.kind === 'fixture');
      this.viewSharing.notifyShown();
    });
  }

  /**
   * Records `result` and tells the sockets, unless a batch as new is already shown: a successor
   * that restored a checkpoint may run again batches shown before. A successor replaying a
   * fixture starts its timeline over (a replay starts afresh): the store is emptied when a
   * higher token comes with an older batch, and the new replay is shown from its first batch.
   */
  private show(result: TrendsBatchResult, token: number, replay: boolean): void {
    const { store } = this.options;
    const shown = store.latest()?.batchTime ?? -Infinity;
    if (result.batchTime <= shown) {
      if (!(replay && token > this.shownToken)) return;
      store.restore({ latest: null, batches: [] });
    }
    this.shownToken = Math.max(this.shownToken, token);
    store.record(result);
    this.options.onBatch();
  }
}
