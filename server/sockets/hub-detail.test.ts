import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { TagDetail } from '@/lib/trends/detail/tag-detail';
import type { TrendsBatchResult } from '@/lib/trends/types';
import { waitFor } from '@/tests/support/wait-for';
import { EngineStatsTracker } from '../ingestion/engine-stats-tracker';
import { InMemoryTrendStore } from '../ingestion/trend-store';
import { ManualServerClock } from '../time/manual-server-clock';
import { Hub } from './hub';
import type { TrendsServer } from './hub';

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

const WINDOWS = [
  { label: '1m', windowMs: 60_000 },
  { label: '5m', windowMs: 300_000 },
];

function result(batchTime: number): TrendsBatchResult {
  const top = [{ key: 'a', tag: 'A', count: 1, error: 0 }];
  const window = (label: string, windowMs: number) => ({
    label,
    windowMs,
    tweets: 1,
    top,
    approximate: false,
  });
  return {
    batchTime,
    batchTweets: 1,
    duplicates: 0,
    batchCounts: top,
    windows: WINDOWS.map(({ label, windowMs }) => window(label, windowMs)),
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(detail: TagDetail | undefined, transports?: ['websocket']) {
  const http = createServer();
  const io: TrendsServer = new Server(http);
  const store = new InMemoryTrendStore();
  const stats = new EngineStatsTracker(2000);
  const source = { kind: 'fixture', label: 'test', connection: { state: 'live' } } as const;
  const clock = new ManualServerClock();
  const hub = new Hub(io, {
    updateIntervalMs: 10,
    clock,
    sources: {
      store,
      stats: () => stats.current(),
      source: () => ({ ...source, reconnects: 0, errors: 0, tweetsPerSec: 0 }),
      seriesWindowMs: 300_000,
      seriesTopTags: 1,
    },
    detail: {
      sources: { store, detail: () => detail },
      windows: WINDOWS,
      defaultWindow: WINDOWS[1]!,
    },
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    hub.close();
    return new Promise<void>((resolve) => io.close(() => resolve()));
  });
  const { port } = http.address() as AddressInfo;
  const client: Client = connectClient(`http://127.0.0.1:${port}`, { forceNew: true, transports });
  cleanups.push(() => void client.disconnect());
  const updates: TagDetailUpdate[] = [];
  client.on('detail', (update) => updates.push(update));
  await new Promise<void>((resolve) => client.once('snapshot', () => resolve()));
  return { hub, store, client, updates, clock };
}

describe('Hub: tag details', () => {
  it('answers a request at once, watches its tag, and follows with one update per batch', async () => {
    const detail = new TagDetail({ longestWindowMs: 300_000 });
    const post = { id: 'p1', authorId: 'u', isRetweet: false, text: '#a #b', tags: [] };
    const tags = [
      { key: 'a', spelling: 'A' },
      { key: 'b', spelling: 'b' },
    ];
    detail.addBatch([{ ...post, tags }], 2000, () => true);
    const { hub, store, client, updates, clock } = await start(detail);
    store.record(result(2000));
    client.emit('detail', { key: '#A', window: '1m' });
    await waitFor(() => updates.length === 1, 'the first detail');
    expect(hub.watchedKeys()).toEqual(new Set(['a']));
    expect(updates[0]!.posts.map((kept) => kept.id)).toEqual(['p1']);
    expect(updates[0]!.related.related).toEqual([{ key: 'b', tag: 'b', count: 1 }]);
    store.record(result(4000));
    hub.notifyBatch();
    // One flush per interval; a connection still busy with the first detail when the flush
    // comes gets its update at a later one, so the clock moves on until it arrives.
    await waitFor(async () => {
      await clock.advance(10);
      return updates.length >= 2;
    }, 'the update after a batch');
    expect(updates).toHaveLength(2);
    expect(updates[1]!.summary.batchTime).toBe(4000);
    client.emit('detail', null);
    await waitFor(() => hub.watchedKeys().size === 0, 'the detail closed');
  });

  it('sends the open detail with every batch when a batch comes with every flush', async () => {
    const detail = new TagDetail({ longestWindowMs: 300_000 });
    // Over a WebSocket a message the client got has left the server's buffers: the connection
    // is free at the next flush (polling would wait for the client's next request).
    const { hub, store, client, updates, clock } = await start(detail, ['websocket']);
    const batches: number[] = [];
    client.on('batch', (update) => batches.push(update.batchTime));
    store.record(result(2000));
    client.emit('detail', { key: 'a', window: '1m' });
    await waitFor(() => updates.length === 1, 'the first detail');
    // Each flush finds a new batch (a fast replay): the detail comes with it, in the same flush
    // (the clock moves one interval per batch), not at a flush without a batch, which then
    // never comes.
    for (let batchTime = 4000; batchTime <= 12_000; batchTime += 2000) {
      store.record(result(batchTime));
      hub.notifyBatch();
      await clock.advance(10);
      await waitFor(
        () => batches.includes(batchTime) && updates.at(-1)!.summary.batchTime === batchTime,
        `the batch and the detail of ${batchTime}`,
        { timeoutMs: 5000 },
      );
    }
    expect(updates.map((update) => update.summary.batchTime)).toEqual([
      2000, 4000, 6000, 8000, 10_000, 12_000,
    ]);
  });

  it('says why posts and related tags are missing where no detail is kept', async () => {
    const { store, client, updates } = await start(undefined);
    store.record(result(2000));
    client.emit('detail', { key: 'a' });
    await waitFor(() => updates.length === 1, 'the first detail');
    expect(updates[0]!.unavailable).toMatch(/ingesting instance/);
    expect(updates[0]!.posts).toEqual([]);
    expect(updates[0]!.summary.windows[0]).toMatchObject({ rank: 1, count: 1 });
  });
});
