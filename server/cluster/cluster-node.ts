/**
 * This instance's part in a group of instances sharing one Redis (`REDIS_URL`). Exactly one of
 * them, the lease holder, runs the source and the engine; it publishes each batch's result, and
 * every instance (the holder included) feeds its store and sockets from what it gets: its own
 * results at once, the others' through the results stream. A result is shown only when its
 * batch is newer than the one shown, so a successor replaying from a checkpoint never moves the
 * dashboards back, and results carrying a fencing token lower than one already seen are dropped.
 */
import type { Logger } from 'pino';
import type { EngineStats, SourceStatus } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { ViewFilter } from '@/lib/view-filters';
import type { Config } from '../config';
import type { DetailReader } from '../detail/detail-answers';
import type { EngineStatsTracker } from '../ingestion/engine-stats-tracker';
import type { InMemoryTrendStore } from '../ingestion/trend-store';
import type { FilterViews } from '../sockets/hub-messages';
import { createClusterParts } from './cluster-parts';
import type { ClusterParts } from './cluster-parts';
import type { ClusterKeys } from './cluster-keys';
import { describeCluster, waitingForHolder } from './cluster-status';
import type { ClusterStatus } from './cluster-status';
import { HolderTerm } from './holder-term';
import type { HolderTermFactories } from './holder-term';
import type { PublishedBatch } from './published-batch';
import type { RedisClient } from './redis-connection';
import { ShownResults } from './shown-results';

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
  private readonly parts: ClusterParts;
  private readonly shown: ShownResults;
  /** Followed batches are shown in order, each after reading its shared views. */
  private following: Promise<void> = Promise.resolve();
  private newestFollowed: PublishedBatch | undefined;
  /** The holder's results go out in order, each after its shared views. */
  private publishing: Promise<void> = Promise.resolve();
  /** The newest result of this instance's job (its detail is that batch's), and its term. */
  private newestHeld: { term: HolderTerm; result: TrendsBatchResult } | undefined;
  /** Every instance's watched tags, as the holder last read them. */
  private watchedEverywhere = new Set<string>();
  private exchangeTimer: NodeJS.Timeout | undefined;
  private term: HolderTerm | undefined;
  private highestToken = 0;
  private lastPublished: PublishedBatch | undefined;
  private staleResults = 0;

  constructor(private readonly options: ClusterNodeOptions) {
    this.parts = createClusterParts(options, {
      onPublished: (batch) => this.onPublished(batch),
      onAcquired: (token, stillHolding) => this.beginTerm(token, stillHolding),
      onLost: (reason) => this.endTerm(reason),
      highestSeenToken: () => this.highestToken,
      heldToken: () => this.term?.token,
    });
    this.keys = this.parts.keys;
    this.shown = new ShownResults(options.store, () => options.onBatch());
    const { commands, publisher } = this.parts;
    commands.client.on('ready', () => void publisher.flush());
  }

  /**
   * The per-minute history: the holder's own (it lives in its job); on a follower, the one the
   * holder last shared through Redis (undefined before any; rejects while Redis is away).
   */
  history(): TagHistory | Promise<TagHistory | undefined> {
    return this.term?.ingest.pipeline.history ?? this.parts.sharedHistory.read();
  }

  /**
   * The numbers under `filter`: the holder's own (they live in its job); on a follower, those
   * the holder shared with the batch shown, undefined (and asked for) until it shares them.
   */
  filteredViews(filter: ViewFilter): FilterViews | undefined {
    if (this.term !== undefined) return this.term.ingest.pipeline.filteredViews();
    return this.parts.viewSharing.filter(filter, this.options.store.latest()?.batchTime);
  }

  /**
   * The latest posts and related tags of `key` (in `relatedWindowMs`): the holder's own; on a
   * follower, those shared with the batch shown, undefined (and asked for) until shared.
   */
  detail(key: string, relatedWindowMs?: number): DetailReader | undefined {
    if (this.term !== undefined) return this.term.ingest.pipeline.detail;
    const shownBatchTime = this.options.store.latest()?.batchTime;
    return this.parts.viewSharing.detail(key, shownBatchTime, relatedWindowMs);
  }

  /**
   * Waits until `check()` holds after a batch brought the holder's shared views, at most about
   * two batches (true), or gives up (false).
   */
  waitForSharedViews(check: () => boolean): Promise<boolean> {
    return this.parts.viewSharing.waitFor(check);
  }

  /** The client socket.io's Redis streams adapter publishes with (it duplicates it to read). */
  get adapterClient(): RedisClient {
    return this.parts.adapterConnection.client;
  }

  /** Connects (in the background: the server serves at once) and starts taking part. */
  start(): void {
    this.parts.commands.connect();
    this.parts.adapterConnection.connect();
    this.parts.follower.start();
    this.parts.keeper.start();
    this.parts.viewSharing.start();
    this.exchangeTimer = setInterval(() => void this.exchangeWatched(), this.parts.historyShareMs);
  }

  /** Shares this instance's watched tags; the holder also gathers everyone's. Never rejects. */
  private async exchangeWatched(): Promise<void> {
    try {
      await this.parts.sharedWatched.write(this.options.localWatchedKeys());
      if (this.term !== undefined) this.watchedEverywhere = await this.parts.sharedWatched.union();
    } catch {
      // Redis away: the last union stays; the connection's own log says why.
    }
  }

  /** Stops the source (when holding), saves a last checkpoint, releases the lease, disconnects. */
  async stop(): Promise<void> {
    clearInterval(this.exchangeTimer);
    await this.parts.sharedWatched.remove().catch(() => undefined);
    await this.parts.viewSharing.stop();
    await this.parts.keeper.stop();
    await this.parts.follower.stop();
    await this.following;
    await this.parts.adapterConnection.close();
    await this.parts.commands.close();
  }

  status(): ClusterStatus {
    return describeCluster({
      holding: this.term !== undefined,
      fencingToken: this.term?.token,
      redisConnected: this.parts.commands.isReady,
      redisError: this.parts.commands.error,
      lastPublished: this.lastPublished,
      staleResults: this.staleResults,
      refusedResults: this.parts.publisher.refusedCount,
      checkpointsSaved: this.parts.checkpoints.saved,
    });
  }

  /** The source as this instance knows it: its own while holding, else the holder's. */
  sourceStatus(): SourceStatus {
    const degraded = this.status().degraded;
    const base =
      this.term?.source.status() ??
      this.lastPublished?.source ??
      waitingForHolder(this.options.config.TWEET_SOURCE);
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

  private async beginTerm(token: number, stillHolding: () => boolean): Promise<void> {
    this.highestToken = Math.max(this.highestToken, token);
    const term = new HolderTerm(token, this.options, (owner, result) =>
      this.onResult(owner, result),
    );
    await this.parts.checkpoints.restore(term).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'reading the checkpoint failed: starting empty');
    });
    if (!stillHolding()) return;
    this.term = term;
    this.parts.viewSharing.setHolding(true);
    await term.start();
    this.parts.checkpoints.start(term);
    this.parts.sharedHistory.startWriting(
      () => term.ingest.pipeline.history,
      token,
      this.parts.historyShareMs,
    );
  }

  private async endTerm(reason: string): Promise<void> {
    const term = this.term;
    if (!term) return;
    this.parts.checkpoints.stop();
    this.parts.sharedHistory.stopWriting();
    await term.stop();
    // A last checkpoint when leaving on our own (shutdown); else the state stays here, in case
    // this instance takes the lease back from a Redis that lost the checkpoint.
    if (reason === 'shutting down') await this.parts.checkpoints.save(term);
    else await this.parts.checkpoints.keep(term);
    this.term = undefined;
    this.parts.viewSharing.setHolding(false);
  }

  private onResult(term: HolderTerm, result: TrendsBatchResult): void {
    if (this.term !== term) return;
    this.newestHeld = { term, result };
    // Watched tags are kept in the history from the minute a dashboard, anywhere, watches them.
    // So are the tags whose detail is asked on any instance (they are shared from the next batch).
    const watched = new Set([
      ...this.watchedEverywhere,
      ...this.options.localWatchedKeys(),
      ...this.parts.viewSharing.demandedTags(),
    ]);
    const { pipeline } = term.ingest;
    pipeline.history.setWatched(watched);
    this.options.onHolderResult?.(result);
    this.shown.show(result, term.token, term.source.timeMode === 'virtual');
    const batch = {
      token: term.token,
      result,
      stats: this.options.stats.current(),
      source: term.source.status(),
    };
    const views = () => ({
      result: this.newestHeld?.term === term ? this.newestHeld.result : result,
      detail: pipeline.detail,
      filteredViews: pipeline.filteredViews(),
      windowsMs: this.options.config.WINDOWS.map((window) => window.windowMs),
    });
    // The views go out before the result (same connection): a follower reading them when it
    // gets the result finds this batch's, or a newer one's when the job has moved on (it then
    // answers from them once it shows that batch). Chained, so that results stay in order.
    this.publishing = this.publishing.then(async () => {
      await this.parts.viewSharing.share(term.token, views);
      void this.parts.publisher.publish(batch);
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
      if (this.newestFollowed === batch) await this.parts.viewSharing.readViews();
      if (this.term?.token === batch.token) return;
      this.shown.show(batch.result, batch.token, batch.source.kind === 'fixture');
      this.parts.viewSharing.notifyShown();
    });
  }
}
