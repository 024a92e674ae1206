import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import pino from 'pino';
import type { Logger } from 'pino';
import type { DashboardSnapshot, EngineStats } from '@/lib/protocol';
import type { Config, WindowSpec } from './config';
import { NO_FILTER, parseViewFilter } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';
import type { Readiness } from './http/health-routes';
import { createApiRateLimit } from './http/api-rate-limit';
import { createRequestHandler } from './http/request-handler';
import { createRouter } from './http/router';
import { createIngest, createIngestShared } from './ingestion/ingest';
import { limitSockets } from './sockets/socket-limits';
import type { TrendsServer } from './sockets/hub';
import { createMetrics, registerSourceMetrics } from './metrics';
import type { Metrics } from './metrics';
import { prepareNextApp } from './http/next-app';
import type { NextApp } from './http/next-app';
import { routeUpgrades } from './http/route-upgrades';
import { attachSockets } from './sockets/attach-sockets';
import { buildSnapshot, filteredLatest } from './sockets/hub-messages';
import { registerSnapshotReader } from '@/lib/latest-snapshot-registry';
import { registerDetailReader } from '@/lib/latest-detail-registry';
import { DetailUpdates } from './sockets/detail-updates';
import { parseDetailRequest } from './sockets/detail-request';
import { listenOn, publicHost } from './http/listen';
import { createSource } from './sources/create-source';
import type { TweetSource } from './sources/types';
import type { TrendStore } from './ingestion/trend-store';
import { ClusterIngest, LocalIngest } from './ingestion/ingest-runner';
import type { IngestRunner } from './ingestion/ingest-runner';
import { createClusterNode, useRedisAdapter } from './cluster/create-cluster-node';
import { watchSourceStatus } from './cluster/watch-source-status';
import type { ClusterNode } from './cluster/cluster-node';
import { CheckpointKeeper } from './state/checkpoint-keeper';
import type { CheckpointStore } from './state/checkpoint-store';
import { FileCheckpointStore } from './state/file-checkpoint-store';
import { createTrendingWebhook } from './alerts/trending-webhook';
import type { TrendingWebhook } from './alerts/trending-webhook';
import { systemServerClock } from './time/system-server-clock';

export interface TagstreamServerOptions {
  config: Readonly<Config>;
  /** Default: silent. */
  logger?: Logger;
  /** Serve the dashboard: `'dev'` compiles on demand, `true` serves `next build`'s output. */
  next?: boolean | 'dev';
  /** Next's project directory; default the working directory. */
  dir?: string;
  /** Default: the source `TWEET_SOURCE` names. Ignored with `REDIS_URL`. */
  source?: TweetSource;
  /**
   * Without `REDIS_URL`: where a live source's state is checkpointed; default a file in
   * `STATE_DIR`. A fixture replay (virtual time) starts over with fresh state and keeps none.
   */
  checkpointStore?: CheckpointStore;
}

export interface TagstreamServer {
  /** Starts Next (if enabled), listens on `PORT`/`HOST`, then starts the source and the engine. */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops the source and the engine, closes sockets and the HTTP server. Idempotent. */
  close(): Promise<void>;
  readonly httpServer: HttpServer;
  readonly io: TrendsServer;
  readonly store: TrendStore;
  /** The source here, or with `REDIS_URL` the ingesting instance's as this one knows it. */
  readonly source: Pick<TweetSource, 'status' | 'isReady'>;
  /** With `REDIS_URL`: this instance's part among several; undefined otherwise. */
  readonly cluster: ClusterNode | undefined;
  readonly metrics: Metrics;
  stats(): EngineStats;
  readiness(): Readiness;
}

/**
 * One HTTP server for everything: our routes (`/api/*`, `/healthz`, `/readyz`, `/metrics`),
 * socket.io (`/socket.io`) and, for all other paths, Next. The engine and the source live in
 * this process; live state reaches browsers only through the routes and the sockets.
 */
export function createTagstreamServer(options: TagstreamServerOptions): TagstreamServer {
  const { config } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const metrics = createMetrics();
  registerSourceMetrics(metrics.registry, { status: () => runner.sourceStatus() });
  const shared = createIngestShared(config, metrics);
  const { store } = shared;
  const webhook = createWebhook(config, logger, metrics);
  // Results come only after listen(), once `hub` below exists.
  const cluster = createClusterNode(
    config,
    logger,
    shared,
    () => hub.notifyBatch(),
    () => hub.watchedKeys(),
    (result) => webhook?.onResult(result),
  );
  const localSource = cluster ? undefined : (options.source ?? createSource(config, logger));
  const runner: IngestRunner = localSource ? localIngest(localSource) : new ClusterIngest(cluster!);
  const source = localSource ?? {
    status: () => runner.sourceStatus(),
    isReady: () => cluster!.sourceReady(),
  };
  const readiness = () => runner.readiness();

  /** One process: a live source's state is checkpointed (a file by default); a replay starts over. */
  function localIngest(localSource: TweetSource): LocalIngest {
    const ingest = createIngest(config, shared, localSource.timeMode, logger, (result) => {
      store.record(result);
      webhook?.onResult(result);
      // Watched tags are kept in the history from the minute a dashboard watches them.
      ingest.pipeline.history.setWatched(hub.watchedKeys());
      hub.notifyBatch();
    });
    const keeper =
      ingest.timeMode === 'arrival'
        ? new CheckpointKeeper({
            store: options.checkpointStore ?? new FileCheckpointStore(config.STATE_DIR),
            ingest,
            intervalMs: config.CHECKPOINT_INTERVAL_MS,
            logger: logger.child({ component: 'state' }),
          })
        : undefined;
    return new LocalIngest(localSource, ingest, keeper, logger);
  }
  const seriesWindow = defaultWindow(config.WINDOWS);
  const router = createRouter({
    store,
    windows: config.WINDOWS,
    defaultWindow: seriesWindow,
    batchIntervalMs: config.BATCH_INTERVAL_MS,
    history: () => runner.history(),
    filteredViews: (filter) => runner.filteredViews(filter),
    detail: (key, relatedWindowMs) => runner.detail(key, relatedWindowMs),
    waitForSharedViews: runner.waitForSharedViews?.bind(runner),
    registry: metrics.registry,
    readiness,
    logger,
  });
  let nextApp: NextApp | undefined;
  const httpServer = createServer(
    createRequestHandler({
      router,
      apiRateLimit: createApiRateLimit({
        requestsPerMinute: config.API_RATE_LIMIT_PER_MIN,
        trustProxyHops: config.TRUST_PROXY_HOPS,
      }),
      nextApp: () => nextApp,
      pages: nextEnabled(options) ? (options.next === 'dev' ? 'dev' : 'production') : false,
      onRateLimited: () => metrics.rateLimited.inc({ kind: 'api' }),
    }),
  );
  const messageSources = {
    store,
    stats: () => runner.stats(),
    source: () => runner.sourceStatus(),
    seriesWindowMs: seriesWindow.windowMs,
    seriesTopTags: SERIES_TOP_TAGS,
    filteredViews: (filter: ViewFilter) => runner.filteredViews(filter),
  };
  const { io, hub } = attachSockets(
    httpServer,
    config.CLIENT_UPDATE_INTERVAL_MS,
    messageSources,
    metrics,
    logger,
    {
      sources: { store, detail: (key, relatedWindowMs) => runner.detail(key, relatedWindowMs) },
      windows: config.WINDOWS,
      defaultWindow: seriesWindow,
    },
  );
  if (cluster) useRedisAdapter(io, cluster);
  limitSockets(io, {
    maxSocketsPerAddress: config.MAX_SOCKETS_PER_ADDRESS,
    watchMessagesPerSec: config.WATCH_MESSAGES_PER_SEC,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    logger,
    onThrottled: () => metrics.rateLimited.inc({ kind: 'watch' }),
    onRefused: () => metrics.rateLimited.inc({ kind: 'socket' }),
  });
  const upgrades = routeUpgrades(httpServer, () => nextApp);
  // The dashboard page renders from the same snapshot a new socket gets (no watched tags yet).
  const unregisterSnapshot = nextEnabled(options)
    ? registerSnapshotReader((filter) => readSnapshot(filter))
    : () => undefined;
  // A page opened on a tag detail (`?tag=`) renders it from the update a socket would get now.
  const pageDetails = new DetailUpdates({
    store,
    detail: (key, relatedWindowMs) => runner.detail(key, relatedWindowMs),
  });
  const unregisterDetail = nextEnabled(options)
    ? registerDetailReader((request) => {
        const subscription = parseDetailRequest(request, config.WINDOWS, seriesWindow);
        return subscription ? pageDetails.updateFor(subscription) : null;
      })
    : () => undefined;
  /** The snapshot under `filter`; null when the numbers under it are not here in time. */
  async function readSnapshot(asked: ViewFilter): Promise<DashboardSnapshot | null> {
    const filter = parseViewFilter(asked) ?? NO_FILTER;
    const viewNow = () => filteredLatest(messageSources, store.latest(), filter);
    let view = viewNow();
    if (view === undefined && runner.waitForSharedViews !== undefined) {
      await runner.waitForSharedViews(() => (view = viewNow()) !== undefined);
    }
    return view === undefined ? null : buildSnapshot(messageSources, [], view);
  }
  const stopWatchingStatus = cluster
    ? watchSourceStatus(
        () => runner.sourceStatus(),
        (status) => io.local.emit('source', status),
      )
    : () => undefined;

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeAll());
  return {
    httpServer,
    io,
    store,
    source,
    cluster,
    metrics,
    stats: () => runner.stats(),
    readiness,
    async listen() {
      try {
        return await start();
      } catch (error) {
        await close();
        throw error;
      }
    },
    close,
  };

  /** Next wants the port: with a fixed one it is ready before the first request; with port 0
   * the port is known only once listening, and pages answer 503 until Next is prepared. */
  async function start(): Promise<{ port: number; url: string }> {
    const prepare = (port: number) =>
      nextEnabled(options)
        ? prepareNextApp({
            dev: options.next === 'dev',
            dir: options.dir ?? process.cwd(),
            hostname: publicHost(config.HOST),
            port,
          })
        : Promise.resolve(undefined);
    if (config.PORT !== 0) nextApp = await prepare(config.PORT);
    const port = await listenOn(httpServer, config.PORT, config.HOST);
    if (config.PORT === 0) nextApp = await prepare(port);
    await runner.start();
    return { port, url: `http://${publicHost(config.HOST)}:${port}` };
  }

  async function closeAll(): Promise<void> {
    // Each step is logged (debug): a shutdown that overruns its deadline says where it stood.
    await runner.stop();
    logger.debug('shutdown: source and engine stopped');
    unregisterSnapshot();
    unregisterDetail();
    webhook?.close();
    stopWatchingStatus();
    hub.close();
    // io.close() also closes the HTTP server, which waits for every connection: kept-alive
    // requests and the sockets handed to Next (dev hot reload) are closed too.
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
    upgrades.closeAll();
    await nextApp?.close();
    await closed;
    logger.debug('shutdown: sockets and HTTP server closed');
  }
}

/** Alerts of tags entering the trending top, when `TRENDING_WEBHOOK_URL` is set. */
function createWebhook(
  config: Readonly<Config>,
  logger: Logger,
  metrics: Metrics,
): TrendingWebhook | undefined {
  if (config.TRENDING_WEBHOOK_URL === undefined) return undefined;
  return createTrendingWebhook({
    url: config.TRENDING_WEBHOOK_URL,
    top: config.TRENDING_WEBHOOK_TOP,
    shortestWindow: config.WINDOWS[0]!.label,
    clock: systemServerClock,
    logger: logger.child({ component: 'alerts' }),
    onOutcome: (outcome) => metrics.webhookAlerts.inc({ outcome }),
  });
}

/** How many of the series window's top tags every client gets series for. */
export const SERIES_TOP_TAGS = 10;

function nextEnabled(options: TagstreamServerOptions): boolean {
  return options.next === true || options.next === 'dev';
}

/** The window the API and the series default to: 5 m when configured, else the first. */
export function defaultWindow(windows: readonly WindowSpec[]): WindowSpec {
  return windows.find((window) => window.windowMs === 300_000) ?? windows[0]!;
}
