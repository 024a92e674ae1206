import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import { buildSnapshot, buildUpdate } from './hub-messages';
import type { MessageSources } from './hub-messages';
import type { Metrics } from '../metrics';
import type { ScheduledTask } from '@/lib/engine';
import type { ServerClock } from '../time/server-clock';
import { systemServerClock } from '../time/system-server-clock';
import { parseWatchKeys } from './watch-keys';

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
}

interface ClientState {
  watched: string[];
  /** Batch time of the last message this client got; null before the first batch. */
  sentBatchTime: number | null;
}

/**
 * Fans batches out to the dashboard sockets. Each connection starts with a `snapshot`; later
 * batches are coalesced into at most one `batch` message per client per `updateIntervalMs`,
 * carrying every series point since the client's previous message (read back from the store,
 * so nothing is queued per client). A client whose connection has not drained its previous
 * message is skipped; it catches up, in one message, once it has.
 */
export class Hub {
  private readonly clients = new Map<TrendsSocket, ClientState>();
  private timer: ScheduledTask | undefined;
  private lastFlushMs = -Infinity;
  private readonly clock: ServerClock;

  constructor(
    io: TrendsServer,
    private readonly options: HubOptions,
  ) {
    this.clock = options.clock ?? systemServerClock;
    io.on('connection', (socket) => this.connect(socket));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Every tag some dashboard watches (their union, each once). */
  watchedKeys(): Set<string> {
    const keys = new Set<string>();
    for (const client of this.clients.values()) for (const key of client.watched) keys.add(key);
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
    const client: ClientState = { watched: [], sentBatchTime: null };
    this.clients.set(socket, client);
    this.options.metrics?.connectedClients.set(this.clients.size);
    socket.on('watch', (payload: unknown) => {
      const keys = parseWatchKeys(payload);
      if (keys === undefined) this.options.logger?.debug({ id: socket.id }, 'ignored a bad watch');
      else client.watched = keys;
    });
    socket.on('disconnect', () => {
      this.clients.delete(socket);
      this.options.metrics?.connectedClients.set(this.clients.size);
    });
    const snapshot = buildSnapshot(this.options.sources, client.watched);
    client.sentBatchTime = snapshot.batchTime;
    socket.emit('snapshot', snapshot);
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
    let skipped = false;
    for (const [socket, client] of this.clients) {
      if (client.sentBatchTime !== null && client.sentBatchTime >= latest.batchTime) continue;
      if (!canSend(socket)) {
        skipped = true;
        this.options.metrics?.skippedClientUpdates.inc();
        continue;
      }
      socket.emit(
        'batch',
        buildUpdate(this.options.sources, latest, client.watched, client.sentBatchTime),
      );
      client.sentBatchTime = latest.batchTime;
    }
    // A skipped client gets its update at the next flush even if no batch comes meanwhile.
    if (skipped) this.schedule();
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
