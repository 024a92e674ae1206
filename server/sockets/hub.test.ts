import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  BatchUpdate,
  ClientToServerEvents,
  ServerToClientEvents,
  DashboardSnapshot,
  WatchedSeriesUpdate,
} from '@/lib/protocol';
import { SERIES_LENGTH, SOCKET_TOP_TAGS } from '@/lib/protocol';
import type { TagCount, TrendsBatchResult } from '@/lib/trends/types';
import { EngineStatsTracker } from '../ingestion/engine-stats-tracker';
import { Hub } from './hub';
import { createMetrics } from '../metrics';
import type { Metrics } from '../metrics';
import type { TrendsServer } from './hub';
import { InMemoryTrendStore } from '../ingestion/trend-store';
import { ManualServerClock } from '../time/manual-server-clock';
import { waitFor } from '@/tests/support/wait-for';
import { countsOf } from '@/tests/support/series-block';

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

const BATCH_MS = 2000;

function tagCounts(counts: Record<string, number>): TagCount[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => ({ key, tag: key.toUpperCase(), count, error: 0 }));
}

function result(batchTime: number, counts: Record<string, number>): TrendsBatchResult {
  const top = tagCounts(counts);
  const tweets = top.reduce((sum, tag) => sum + tag.count, 0);
  return {
    batchTime,
    batchTweets: tweets,
    duplicates: 0,
    batchCounts: top,
    windows: [{ label: '5m', windowMs: 300_000, tweets, top, approximate: false }],
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
  };
}

interface Harness {
  url: string;
  io: TrendsServer;
  hub: Hub;
  store: InMemoryTrendStore;
  record(batch: TrendsBatchResult): void;
  metrics: Metrics;
  clock: ManualServerClock;
  /** `batch` messages the server has sent, counted as they leave it. */
  sentBatches(): number;
  /** Client-to-server events the server has received. */
  receivedEvents(): number;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHub(updateIntervalMs: number, seriesTopTags = 2): Promise<Harness> {
  const http = createServer();
  const io: TrendsServer = new Server(http);
  const store = new InMemoryTrendStore();
  const stats = new EngineStatsTracker(BATCH_MS);
  const source = { kind: 'fixture', label: 'test', connection: { state: 'live' } } as const;
  const metrics = createMetrics();
  const clock = new ManualServerClock();
  let sentBatches = 0;
  let receivedEvents = 0;
  io.on('connection', (socket) => {
    socket.onAnyOutgoing((event) => void (event === 'batch' && sentBatches++));
    socket.onAny(() => void receivedEvents++);
  });
  const hub = new Hub(io, {
    updateIntervalMs,
    metrics,
    clock,
    sources: {
      store,
      stats: () => stats.current(),
      source: () => ({ ...source, reconnects: 0, errors: 0, tweetsPerSec: 0 }),
      seriesWindowMs: 300_000,
      seriesTopTags,
    },
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    hub.close();
    return new Promise<void>((resolve) => io.close(() => resolve()));
  });
  const { port } = http.address() as AddressInfo;
  const record = (batch: TrendsBatchResult) => {
    store.record(batch);
    hub.notifyBatch();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    hub,
    store,
    record,
    metrics,
    clock,
    sentBatches: () => sentBatches,
    receivedEvents: () => receivedEvents,
  };
}

/** Connects and collects every message; resolves once the snapshot has arrived. */
async function connect(url: string) {
  const socket: Client = connectClient(url, { transports: ['websocket'], reconnection: false });
  cleanups.push(() => void socket.disconnect());
  const batches: BatchUpdate[] = [];
  const watchedSeries: WatchedSeriesUpdate[] = [];
  socket.on('batch', (update) => void batches.push(update));
  socket.on('series', (update) => void watchedSeries.push(update));
  const snapshot = await new Promise<DashboardSnapshot>((resolve) =>
    socket.once('snapshot', resolve),
  );
  return { socket, snapshot, batches, watchedSeries };
}

describe('Hub', () => {
  it('greets a client with a snapshot of the latest batch and its top tags series', async () => {
    const hub = await startHub(50);
    hub.record(result(2000, { a: 3, b: 2, c: 1 }));
    hub.record(result(4000, { a: 1, b: 5 }));
    const { snapshot } = await connect(hub.url);
    expect(snapshot.batchTime).toBe(4000);
    expect(snapshot.windows[0]!.top.map((tag) => tag.key)).toEqual(['b', 'a']);
    expect(snapshot.series).toEqual({
      tags: [
        { key: 'b', tag: 'B' },
        { key: 'a', tag: 'A' },
      ],
      points: [
        { batchTime: 2000, counts: [2, 3] },
        { batchTime: 4000, counts: [5, 1] },
      ],
    });
    expect(snapshot.source.label).toBe('test');
  });

  it('sends an empty snapshot before the first batch', async () => {
    const hub = await startHub(50);
    const { snapshot } = await connect(hub.url);
    expect(snapshot).toMatchObject({
      batchTime: null,
      windows: [],
      trending: [],
      series: { tags: [], points: [] },
    });
  });

  it('coalesces batches into one update per interval carrying every point', async () => {
    const hub = await startHub(300);
    const client = await connect(hub.url);
    for (let batch = 1; batch <= 5; batch++) hub.record(result(batch * BATCH_MS, { a: batch }));
    await hub.clock.advance(0);
    await waitFor(() => client.batches.length === 1, 'the first update');
    expect(countsOf(client.batches[0]!.series, 'a')).toEqual([1, 2, 3, 4, 5]);
    for (let batch = 6; batch <= 8; batch++) hub.record(result(batch * BATCH_MS, { a: batch }));
    await hub.clock.advance(299);
    expect(hub.sentBatches()).toBe(1);
    await hub.clock.advance(1);
    expect(hub.sentBatches()).toBe(2);
    await waitFor(() => client.batches.length === 2, 'the second update');
    expect(client.batches[1]!.batchTime).toBe(8 * BATCH_MS);
    expect(client.batches[1]!.series.points.map((point) => point.batchTime)).toEqual([
      12_000, 14_000, 16_000,
    ]);
  });

  it('sends the watched keys outside the shared top tags in a series message of its own', async () => {
    const hub = await startHub(20, 1);
    hub.record(result(2000, { a: 3, z: 1 }));
    const client = await connect(hub.url);
    const other = await connect(hub.url);
    client.socket.emit('watch', ['#Z', 'missing', 'a']);
    await waitFor(() => hub.receivedEvents() === 1, 'the watch message');
    hub.record(result(4000, { a: 4, z: 2 }));
    await hub.clock.advance(20);
    await waitFor(
      () => client.watchedSeries.length === 1 && other.batches.length === 1,
      'the shared update and the watched series',
    );
    expect(client.batches[0]!.series).toEqual({
      tags: [{ key: 'a', tag: 'A' }],
      points: [{ batchTime: 4000, counts: [4] }],
    });
    expect(client.watchedSeries[0]).toEqual({
      batchTime: 4000,
      series: {
        tags: [{ key: 'z', tag: 'Z' }, { key: 'missing' }],
        points: [{ batchTime: 4000, counts: [2, 0] }],
      },
    });
    expect(other.batches[0]).toEqual(client.batches[0]);
    expect(other.watchedSeries).toEqual([]);
  });

  it('builds one shared update per flush and broadcasts it to every dashboard', async () => {
    const hub = await startHub(20, 2);
    hub.record(result(2000, { a: 1 }));
    const clients = await Promise.all(Array.from({ length: 5 }, () => connect(hub.url)));
    const adapter = hub.io.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    let broadcasts = 0;
    adapter.broadcast = (packet, options) => {
      broadcasts++;
      broadcast(packet, options);
    };
    hub.record(result(4000, { a: 2, b: 1 }));
    await hub.clock.advance(20);
    await waitFor(() => clients.every((client) => client.batches.length === 1), 'the updates');
    expect(broadcasts).toBe(1);
    for (const client of clients) expect(client.batches[0]).toEqual(clients[0]!.batches[0]);
    expect(clients[0]!.batches[0]!.series.points.map((point) => point.batchTime)).toEqual([4000]);
  });

  it('sends the dashboards only the top tags they draw, the API keeps the full lists', async () => {
    const hub = await startHub(20, 2);
    const wide: Record<string, number> = {};
    for (let tag = 0; tag < 60; tag++) wide[`t${tag}`] = tag + 1;
    hub.record(result(2000, wide));
    const client = await connect(hub.url);
    expect(client.snapshot.windows[0]!.top).toHaveLength(SOCKET_TOP_TAGS);
    expect(client.snapshot.windows[0]!.top[0]!.key).toBe('t59');
    hub.record(result(4000, wide));
    await hub.clock.advance(20);
    await waitFor(() => client.batches.length === 1, 'an update');
    expect(client.batches[0]!.windows[0]!.top).toHaveLength(SOCKET_TOP_TAGS);
    expect(hub.store.latest()!.windows[0]!.top).toHaveLength(60);
  });

  it('ignores malformed watch payloads and keeps serving the client', async () => {
    const hub = await startHub(20, 1);
    const client = await connect(hub.url);
    const raw = client.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    client.socket.emit('watch', ['kept']);
    raw.emit('watch', 'not an array');
    raw.emit('watch', [1, 2]);
    raw.emit(
      'watch',
      Array.from({ length: 50 }, (_, i) => `tag${i}`),
    );
    raw.emit('watch', ['x'.repeat(10_000)]);
    raw.emit('watch', null);
    raw.emit('unknown-event', { deep: { object: true } });
    await waitFor(() => hub.receivedEvents() === 7, 'every message');
    hub.record(result(2000, { a: 1 }));
    await hub.clock.advance(20);
    await waitFor(() => client.batches.length === 1, 'an update');
    expect(client.socket.connected).toBe(true);
    expect(client.batches[0]!.series.tags.map((tag) => tag.key)).toEqual(['a', 'kept']);
  });

  it('gives a reconnecting client a fresh snapshot', async () => {
    const hub = await startHub(20);
    hub.record(result(2000, { a: 1 }));
    const first = await connect(hub.url);
    first.socket.disconnect();
    hub.record(result(4000, { a: 2 }));
    const second = await connect(hub.url);
    expect(second.snapshot.batchTime).toBe(4000);
    expect(second.snapshot.series.points).toHaveLength(2);
    await waitFor(() => hub.hub.clientCount === 1, 'the first client to leave');
  });

  it('holds at most one pending message for a client that stops reading', async () => {
    // Every tag gets a series, so each update is large and the kernel's buffers fill quickly.
    const hub = await startHub(5, 100);
    const client = await connect(hub.url);
    const serverSocket = [...hub.io.sockets.sockets.values()][0]!;
    // Stop reading on the client's TCP socket: the server's writes pile up in the kernel first.
    const transport = client.socket.io.engine.transport as unknown as {
      ws: { _socket: { pause(): void; resume(): void; destroy(): void } };
    };
    transport.ws._socket.pause();
    cleanups.push(() => transport.ws._socket.destroy());
    const wide: Record<string, number> = {};
    for (let tag = 0; tag < 100; tag++) wide[`tag${tag}-${'x'.repeat(120)}`] = tag + 1;
    const serverBuffer = () => {
      const connection = serverSocket.conn as unknown as {
        writeBuffer: unknown[];
        transport: { socket: { _socket: { writableLength: number } } };
      };
      return {
        packets: connection.writeBuffer.length,
        bytes: connection.transport.socket._socket.writableLength,
      };
    };
    let maxPackets = 0;
    let maxBytes = 0;
    for (let batch = 1; batch <= 400; batch++) {
      hub.record(result(batch * BATCH_MS, wide));
      await hub.clock.advance(5); // the flush, then one turn of the event loop for the writes
      const { packets, bytes } = serverBuffer();
      maxPackets = Math.max(maxPackets, packets);
      maxBytes = Math.max(maxBytes, bytes);
    }
    const skipped = (await hub.metrics.skippedClientUpdates.get()).values[0]!.value;
    // Unbounded, 400 messages of 20-45 KB would pile up (over 8 MB); bounded, one waits.
    expect(maxPackets).toBeLessThanOrEqual(2);
    expect(maxBytes).toBeLessThan(200_000);
    expect(skipped).toBeGreaterThan(100);
    // Reading again, the client catches up on every batch the store still holds.
    transport.ws._socket.resume();
    await waitFor(
      async () => {
        await hub.clock.advance(5);
        return client.batches.at(-1)?.batchTime === 400 * BATCH_MS;
      },
      'the catch-up',
      { timeoutMs: 20_000 },
    );
    const covered = new Set(
      client.batches.flatMap((update) => update.series.points.map((point) => point.batchTime)),
    );
    const expected = Array.from(
      { length: SERIES_LENGTH },
      (_, index) => (400 - SERIES_LENGTH + index + 1) * BATCH_MS,
    );
    expect(expected.filter((time) => !covered.has(time))).toEqual([]);
  });
});

describe('Hub trending figures', () => {
  it('rounds the trending score and rates to the decimal the dashboard shows', async () => {
    const hub = await startHub(20);
    const batch = result(2000, { a: 1 });
    batch.trending = [
      {
        key: 'a',
        tag: 'A',
        score: 4.456426283576008,
        count: 1,
        fastRatePerMin: 5178.554695048965,
        usualRatePerMin: 12.04999,
        rateMultiple: 429.7554,
        authors: 3,
        originals: 3,
        direction: 'rising',
        trendingSinceMs: 2000,
        rankChange: null,
      },
    ];
    hub.record(batch);
    const { snapshot } = await connect(hub.url);
    expect(snapshot.trending[0]).toMatchObject({
      score: 4.5,
      fastRatePerMin: 5178.6,
      usualRatePerMin: 12,
      rateMultiple: 429.7554,
    });
  });
});
