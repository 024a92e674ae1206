import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import pino from 'pino';
import type { Logger } from 'pino';
import type { EngineStats } from '@/lib/protocol';
import type { Config, WindowSpec } from './config';
import type { Readiness } from './http/health-routes';
import { createRouter } from './http/router';
import { createIngest } from './ingestion/ingest';
import type { TrendsServer } from './sockets/hub';
import { createMetrics, registerSourceMetrics } from './metrics';
import type { Metrics } from './metrics';
import { prepareNextApp } from './http/next-app';
import type { NextApp } from './http/next-app';
import { routeUpgrades } from './http/route-upgrades';
import { attachSockets } from './sockets/attach-sockets';
import { listenOn, publicHost } from './http/listen';
import { createSource } from './sources/create-source';
import type { TweetSource } from './sources/types';
import type { TrendStore } from './ingestion/trend-store';

export interface TagstreamServerOptions {
  config: Readonly<Config>;
  /** Default: silent. */
  logger?: Logger;
  /** Serve the dashboard: `'dev'` compiles on demand, `true` serves `next build`'s output. */
  next?: boolean | 'dev';
  /** Next's project directory; default the working directory. */
  dir?: string;
  /** Default: the source `TWEET_SOURCE` names. */
  source?: TweetSource;
}

export interface TagstreamServer {
  /** Starts Next (if enabled), listens on `PORT`/`HOST`, then starts the source and the engine. */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops the source and the engine, closes sockets and the HTTP server. Idempotent. */
  close(): Promise<void>;
  readonly httpServer: HttpServer;
  readonly io: TrendsServer;
  readonly store: TrendStore;
  readonly source: TweetSource;
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
  const source = options.source ?? createSource(config, logger);
  const metrics = createMetrics();
  registerSourceMetrics(metrics.registry, source);
  // Results come only after listen(), once `hub` below exists.
  const ingest = createIngest(config, source, metrics, logger, () => hub.notifyBatch());
  const { stats, store, readiness } = ingest;
  const seriesWindow = defaultWindow(config.WINDOWS);
  const router = createRouter({
    store,
    windows: config.WINDOWS,
    defaultWindow: seriesWindow,
    batchIntervalMs: config.BATCH_INTERVAL_MS,
    registry: metrics.registry,
    readiness,
    logger,
  });
  let nextApp: NextApp | undefined;
  const httpServer = createServer((req, res) => {
    if (router.owns(req.url ?? '/')) return void router.handle(req, res);
    if (nextApp) return void nextApp.handle(req, res);
    res.writeHead(nextEnabled(options) ? 503 : 404, { 'content-type': 'text/plain' });
    res.end(nextEnabled(options) ? 'starting' : 'not found');
  });
  const messageSources = {
    store,
    stats: () => stats.current(),
    source: () => source.status(),
    seriesWindowMs: seriesWindow.windowMs,
    seriesTopTags: SERIES_TOP_TAGS,
  };
  const { io, hub } = attachSockets(
    httpServer,
    config.CLIENT_UPDATE_INTERVAL_MS,
    messageSources,
    metrics,
    logger,
  );
  const upgrades = routeUpgrades(httpServer, () => nextApp);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeAll());
  return {
    httpServer,
    io,
    store,
    source,
    metrics,
    stats: () => stats.current(),
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
    ingest.pipeline.start();
    await source.start(ingest.pipeline.sink);
    return { port, url: `http://${publicHost(config.HOST)}:${port}` };
  }

  async function closeAll(): Promise<void> {
    await source
      .stop()
      .catch((error: unknown) => logger.warn({ err: error }, 'source stop failed'));
    ingest.pipeline.stop();
    hub.close();
    // io.close() also closes the HTTP server, which waits for every connection: kept-alive
    // requests and the sockets handed to Next (dev hot reload) are closed too.
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
    upgrades.closeAll();
    await nextApp?.close();
    await closed;
  }
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
