import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';
import {
  buildSnapshot,
  buildUpdate,
  buildWatchedSeries,
  filteredLatest,
  seriesKeys,
} from './hub-messages';
import type { FilteredLatest, MessageSources } from './hub-messages';
import { NO_FILTER, parseViewFilter } from '@/lib/view-filters';
import type { ViewFilter } from '@/lib/view-filters';
import { acceptFilter, DASHBOARD_ROOM, roomViews } from './filter-rooms';

export { DASHBOARD_ROOM };
import type { Metrics } from '../metrics';
import type { ScheduledTask } from '@/lib/engine';
import type { ServerClock } from '../time/server-clock';
import { systemServerClock } from '../time/system-server-clock';
import { parseWatchKeys } from './watch-keys';
import type { WindowSpec } from '../config';
import type { DetailSources } from '../detail/detail-answers';
import { parseDetailRequest } from './detail-request';
import type { DetailSubscription } from './detail-request';
import { DetailUpdates } from './detail-updates';

export type TrendsServer = Server<ClientToServerEvents, ServerToClientEvents>;
type TrendsSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface HubOptions {
  /** At most one `batch` message per client per this many ms. */
  updateIntervalMs: number;
  sources: MessageSources;
  logger?: Logger;
  metrics?: Metrics;
  /** Default: the system clock. */
  clock?: ServerClock;
  /** Tag details (`detail` events); without it they are ignored. */
  detail?: {
    sources: DetailSources;
    windows: readonly WindowSpec[];
    defaultWindow: WindowSpec;
  };
}

interface ClientState {
  watched: string[];
  /** The filter of its numbers, and the room of that filter. */
  filter: ViewFilter;
  room: string;
  /** Batch time of the last message this client got; null before the first batch. */
  sentBatchTime: number | null;
  /** It asked for a filter whose numbers were not here yet: it is owed a snapshot under it. */
  owedSnapshot: boolean;
  /** The tag detail this client has open, and the batch time of the last one it got. */
  detail: DetailSubscription | null;
  detailSentBatchTime: number | null;
}

/**
 * Fans batches out to the dashboard sockets. Each connection starts with a `snapshot`; later
 * batches are coalesced into at most one update per `updateIntervalMs`.
 *
 * What every dashboard shows is built once per update and broadcast to `DASHBOARD_ROOM`
 * (`io.local.to(room).emit`: socket.io encodes it once and, on websockets, frames it once). The
 * broadcast is local: with several instances on socket.io's Redis adapter every instance runs
 * its own hub from its own copy of the results, so a cluster-wide broadcast would reach each
 * dashboard once per instance. A client that watches tags outside
 * the shared top tags also gets a small `series` message of its own. A client whose connection
 * has not drained its previous message is left out of the broadcast (nothing piles up for it);
 * once it has drained, it catches up with one message of its own carrying every point since the
 * last one it got (read back from the store, so nothing is queued per client).
 *
 * A client under a filter (`filter` event) is in that filter's room instead: each room's update
 * is built once per flush from the job's filtered views and broadcast the same way, so the cost
 * grows with the distinct filters in use (at most `MAX_DISTINCT_FILTERS`), not with the clients.
 */
export class Hub {
  private readonly clients = new Map<TrendsSocket, ClientState>();
  private timer: ScheduledTask | undefined;
  private lastFlushMs = -Infinity;
  private readonly clock: ServerClock;
  /** Batch time of the last shared update; null before the first. */
  private broadcastBatchTime: number | null = null;
  private readonly detailUpdates: DetailUpdates | undefined;

  constructor(
    private readonly io: TrendsServer,
    private readonly options: HubOptions,
  ) {
    this.clock = options.clock ?? systemServerClock;
    if (options.detail) this.detailUpdates = new DetailUpdates(options.detail.sources);
    io.on('connection', (socket) => this.connect(socket));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Every tag some dashboard watches or has open in its detail (their union, each once). */
  watchedKeys(): Set<string> {
    const keys = new Set<string>();
    for (const client of this.clients.values()) {
      for (const key of client.watched) keys.add(key);
      if (client.detail !== null) keys.add(client.detail.key);
    }
    return keys;
  }

  /** Call after each batch is recorded in the store. */
  notifyBatch(): void {
    this.schedule();
  }

  /** Stops sending; sockets are closed by the caller (`io.close()`). */
  close(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private connect(socket: TrendsSocket): void {
    const client: ClientState = {
      watched: [],
      filter: NO_FILTER,
      room: DASHBOARD_ROOM,
      sentBatchTime: null,
      owedSnapshot: false,
      detail: null,
      detailSentBatchTime: null,
    };
    this.clients.set(socket, client);
    this.options.metrics?.connectedClients.set(this.clients.size);
    socket.on('watch', (payload: unknown) => {
      const keys = parseWatchKeys(payload);
      if (keys === undefined) this.options.logger?.debug({ id: socket.id }, 'ignored a bad watch');
      else client.watched = keys;
    });
    socket.on('filter', (payload: unknown) => this.applyFilter(socket, client, payload));
    socket.on('detail', (payload: unknown) => this.openDetail(socket, client, payload));
    socket.on('disconnect', () => {
      this.clients.delete(socket);
      this.options.metrics?.connectedClients.set(this.clients.size);
    });
    const { sources } = this.options;
    const view = filteredLatest(sources, sources.store.latest(), NO_FILTER)!;
    const snapshot = buildSnapshot(sources, client.watched, view);
    client.sentBatchTime = snapshot.batchTime;
    void socket.join(DASHBOARD_ROOM);
    socket.emit('snapshot', snapshot);
  }

  /** Moves the client to the room of the filter it asked for and sends it a snapshot under it. */
  private applyFilter(socket: TrendsSocket, client: ClientState, payload: unknown): void {
    const { sources } = this.options;
    const accepted = acceptFilter(payload, this.filterRooms(), sources);
    if ('refused' in accepted) {
      const filter = parseViewFilter(payload) ?? null;
      socket.emit('filterRefused', { filter, reason: accepted.refused });
      return;
    }
    void socket.leave(client.room);
    void socket.join(accepted.room);
    client.filter = accepted.filter;
    client.room = accepted.room;
    if (accepted.view === undefined) {
      // Not here yet (another instance ingests and shares it from a coming batch): the client
      // keeps its numbers and gets its snapshot at the flush that has them.
      client.sentBatchTime = null;
      client.owedSnapshot = true;
      return;
    }
    this.sendSnapshot(socket, client, accepted.view);
  }

  private sendSnapshot(socket: TrendsSocket, client: ClientState, view: FilteredLatest): void {
    const snapshot = buildSnapshot(this.options.sources, client.watched, view);
    client.sentBatchTime = snapshot.batchTime;
    client.owedSnapshot = false;
    socket.emit('snapshot', snapshot);
  }

  /** The rooms of the filters in use (the unfiltered room aside). */
  private filterRooms(): Set<string> {
    const rooms = new Set<string>();
    for (const client of this.clients.values()) {
      if (client.room !== DASHBOARD_ROOM) rooms.add(client.room);
    }
    return rooms;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const delayMs = this.lastFlushMs + this.options.updateIntervalMs - this.clock.monotonicNow();
    this.timer = this.clock.setTimeout(() => this.flush(), delayMs);
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlushMs = this.clock.monotonicNow();
    const latest = this.options.sources.store.latest();
    if (latest === undefined) return;
    const sharedAfter = this.broadcastBatchTime ?? this.previousBatchTime(latest);
    const plan = this.planFlush(latest, sharedAfter);
    // Whose open detail goes out after this flush's batch is judged now, before the batch is
    // queued: judged after it, every connection looks busy (the batch just written), and a
    // detail would wait for a flush without a batch, which never comes while batches arrive as
    // often as flushes (a replay at 4×).
    const details = this.detailsDue(latest.batchTime);
    const views = roomViews(this.options.sources, latest);
    if (this.broadcastBatchTime === null || latest.batchTime > this.broadcastBatchTime) {
      const rooms = new Map<string, ViewFilter>([[DASHBOARD_ROOM, NO_FILTER]]);
      for (const [, client] of plan.inShared) rooms.set(client.room, client.filter);
      for (const [room, filter] of rooms) {
        const roomView = views(room, filter);
        if (roomView === undefined) continue;
        const { view, topKeys } = roomView;
        const shared = buildUpdate(this.options.sources, latest, view, topKeys, sharedAfter);
        this.io.local.to(room).except(plan.excluded).emit('batch', shared);
      }
      this.broadcastBatchTime = latest.batchTime;
    }
    for (const [socket, client] of plan.inShared) {
      const roomView = views(client.room, client.filter);
      // Numbers not here this flush: left behind, the client catches up at a later one.
      if (roomView === undefined) continue;
      client.sentBatchTime = latest.batchTime;
      this.sendWatched(socket, client, latest, roomView.view.filter, roomView.topKeys, sharedAfter);
    }
    for (const [socket, client] of plan.catchUp) {
      const view = views(client.room, client.filter)?.view;
      if (view === undefined) continue;
      if (client.owedSnapshot) {
        this.sendSnapshot(socket, client, view);
        continue;
      }
      const keys = seriesKeys(this.options.sources, view, client.watched);
      const update = buildUpdate(this.options.sources, latest, view, keys, client.sentBatchTime);
      socket.emit('batch', update);
      client.sentBatchTime = latest.batchTime;
    }
    this.sendDetails(details.ready, latest.batchTime);
    if (plan.skipped > 0 || details.skipped) {
      this.options.metrics?.skippedClientUpdates.inc(plan.skipped);
      // A skipped client gets its update at a later flush even if no batch comes meanwhile.
      this.schedule();
    }
  }

  /** Opens, replaces or closes the client's tag detail; an open one is sent at once. */
  private openDetail(socket: TrendsSocket, client: ClientState, payload: unknown): void {
    const detail = this.options.detail;
    const request = detail && parseDetailRequest(payload, detail.windows, detail.defaultWindow);
    if (request === undefined) {
      this.options.logger?.debug({ id: socket.id }, 'ignored a bad detail request');
      return;
    }
    client.detail = request;
    if (request === null) return;
    socket.emit('detail', this.detailUpdates!.updateFor(request));
    client.detailSentBatchTime = this.options.sources.store.latest()?.batchTime ?? null;
  }

  /**
   * The clients whose open detail is behind `batchTime` and whose connection is free now;
   * `skipped`: one behind had to wait for a busy connection.
   */
  private detailsDue(batchTime: number): {
    ready: [TrendsSocket, ClientState][];
    skipped: boolean;
  } {
    const ready: [TrendsSocket, ClientState][] = [];
    let skipped = false;
    for (const [socket, client] of this.clients) {
      if (client.detail === null) continue;
      if (client.detailSentBatchTime !== null && client.detailSentBatchTime >= batchTime) continue;
      if (canSend(socket)) ready.push([socket, client]);
      else skipped = true;
    }
    return { ready, skipped };
  }

  private sendDetails(ready: [TrendsSocket, ClientState][], batchTime: number): void {
    // Found due in this same flush (no turn of the event loop between): each detail is open.
    for (const [socket, client] of ready) {
      socket.emit('detail', this.detailUpdates!.updateFor(client.detail!));
      client.detailSentBatchTime = batchTime;
    }
  }

  /**
   * Sorts the clients behind `latest`: those the shared update (points after `sharedAfter`)
   * brings up to date, those that need a catch-up of their own, and those whose connection is
   * still busy (skipped). Every client not in the shared update is excluded from the broadcast.
   */
  private planFlush(latest: TrendsBatchResult, sharedAfter: number | null) {
    const inShared: [TrendsSocket, ClientState][] = [];
    const catchUp: [TrendsSocket, ClientState][] = [];
    const excluded: string[] = [];
    let skipped = 0;
    for (const [socket, client] of this.clients) {
      const sent = client.sentBatchTime;
      if (sent !== null && sent >= latest.batchTime) {
        excluded.push(socket.id);
      } else if (!canSend(socket)) {
        excluded.push(socket.id);
        skipped++;
      } else if (sent !== null && sharedAfter !== null && sent >= sharedAfter) {
        inShared.push([socket, client]);
      } else {
        excluded.push(socket.id);
        catchUp.push([socket, client]);
      }
    }
    return { inShared, catchUp, excluded, skipped };
  }

  /** The watched tags' points the shared update lacks, when the client watches any. */
  private sendWatched(
    socket: TrendsSocket,
    client: ClientState,
    latest: TrendsBatchResult,
    filter: ViewFilter,
    topKeys: readonly string[],
    sharedAfter: number | null,
  ): void {
    const extra = client.watched.filter((key) => !topKeys.includes(key));
    if (extra.length === 0) return;
    const { store } = this.options.sources;
    const series = buildWatchedSeries(store, latest.batchTime, extra, sharedAfter, filter);
    socket.emit('series', series);
  }

  /** The batch before `latest` in the store: what the first shared update starts after. */
  private previousBatchTime(latest: TrendsBatchResult): number | null {
    const recent = this.options.sources.store.series([]);
    const before = recent.filter((point) => point.batchTime < latest.batchTime);
    return before.at(-1)?.batchTime ?? null;
  }
}

/**
 * True when the client's connection has sent everything queued before: nothing waits in
 * engine.io's write buffer and the transport is not busy with an earlier frame. A client that
 * does not read keeps its transport busy, so at most one message is ever held for it.
 */
function canSend(socket: TrendsSocket): boolean {
  const connection = socket.conn as unknown as {
    writeBuffer: unknown[];
    transport: { writable: boolean };
  };
  return connection.writeBuffer.length === 0 && connection.transport.writable;
}
