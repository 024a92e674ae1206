/**
 * N socket.io clients that behave like dashboards (websocket transport, a `watch` of a few
 * tags) and record, for every `batch` message, the lag from the batch's time to its arrival and
 * which batches it covered (a coalesced update carries the points of every batch since the last).
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { BatchUpdate, ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ClientRecord {
  /** Lag of each `batch` message received while measuring, ms. */
  lagsMs: number[];
  /** Batch times covered by the messages received while measuring. */
  batchTimes: Set<number>;
  /** Lost its connection while measuring. */
  disconnected: boolean;
  /** Bytes of the JSON of the `batch` messages received while measuring (a sample). */
  bytes: number;
  messages: number;
}

export interface DashboardClients {
  records: ClientRecord[];
  /** Clients that could not connect (refused or timed out). */
  failed(): number;
  /** Starts (or stops) recording in every client. */
  measure(on: boolean): void;
  connected(): number;
  close(): void;
}

/** Connects `count` clients spread over `urls`, `perStep` at a time, and waits for them. */
export async function connectDashboards(
  urls: readonly string[],
  count: number,
  watchedOf: (index: number) => string[],
  perStep = 50,
): Promise<DashboardClients> {
  const sockets: Client[] = [];
  const records: ClientRecord[] = [];
  let measuring = false;
  for (let index = 0; index < count; index++) {
    const record: ClientRecord = {
      lagsMs: [],
      batchTimes: new Set(),
      bytes: 0,
      messages: 0,
      disconnected: false,
    };
    const socket: Client = io(urls[index % urls.length]!, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
    });
    socket.on('connect', () => socket.emit('watch', watchedOf(index)));
    socket.on('connect_error', (error) => {
      if (process.env.LOADTEST_DEBUG) process.stderr.write(`connect_error ${error.message}\n`);
    });
    socket.on('disconnect', () => {
      if (measuring) record.disconnected = true;
    });
    socket.on('batch', (update) => {
      if (measuring) note(record, update, index);
    });
    sockets.push(socket);
    records.push(record);
    if (index % perStep === perStep - 1) await waitConnected(sockets, 60_000);
  }
  await waitConnected(sockets, 60_000);
  return {
    records,
    measure: (on) => (measuring = on),
    connected: () => sockets.filter((socket) => socket.connected).length,
    failed: () => sockets.filter((socket) => !socket.connected).length,
    close: () => sockets.forEach((socket) => socket.disconnect()),
  };
}

function note(record: ClientRecord, update: BatchUpdate, index: number): void {
  record.lagsMs.push(Date.now() - update.batchTime);
  record.batchTimes.add(update.batchTime);
  for (const point of update.series.points) record.batchTimes.add(point.batchTime);
  record.messages++;
  // Sizing every message would cost the client process as much as decoding it: sample a few.
  if (index < 10) record.bytes += Buffer.byteLength(JSON.stringify(update));
}

/** Waits until every client is connected or has given up (no reconnection), or the timeout. */
async function waitConnected(sockets: readonly Client[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sockets.some((socket) => !socket.connected && socket.active)) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
