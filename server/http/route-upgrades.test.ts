import { createServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import pino from 'pino';
import { io as connectClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics';
import { routeUpgrades } from './route-upgrades';
import { attachSockets } from '../sockets/attach-sockets';
import { InMemoryTrendStore } from '../ingestion/trend-store';
import { ManualServerClock } from '../time/manual-server-clock';
import { waitFor } from '@/tests/support/wait-for';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server with socket.io and the upgrade routing; `next` stands in for Next's handler. */
async function start(
  next: { upgrade(req: IncomingMessage, socket: Duplex): void } | undefined,
  clock = new ManualServerClock(),
) {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const { io, hub } = attachSockets(
    server,
    50,
    {
      store: new InMemoryTrendStore(),
      stats: () => ({}) as never,
      source: () => ({}) as never,
      seriesWindowMs: 300_000,
      seriesTopTags: 10,
    },
    createMetrics(),
    pino({ level: 'silent' }),
  );
  const upgrades = routeUpgrades(server, () => next, 200, clock);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    hub.close();
    upgrades.closeAll();
    return new Promise<void>((resolve) => io.close(() => resolve()));
  });
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Resolves with `upgraded` when the server switched protocols, `closed` when it hung up. */
function upgrade(host: string, path: string): Promise<'upgraded' | 'closed'> {
  return new Promise((resolve) => {
    const [hostname, port] = host.split(':');
    const req = request({
      hostname,
      port: Number(port),
      path,
      headers: { connection: 'Upgrade', upgrade: 'websocket' },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve('upgraded');
    });
    req.on('response', () => resolve('closed'));
    req.on('error', () => resolve('closed'));
    req.on('close', () => resolve('closed'));
    req.end();
  });
}

const fakeNext = {
  paths: [] as string[],
  upgrade(req: IncomingMessage, socket: Duplex) {
    this.paths.push(req.url ?? '');
    if (req.url?.startsWith('/_next/hmr')) {
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
      );
    }
  },
};

describe('routeUpgrades', () => {
  it('gives Next its hot-reload socket while socket.io keeps its own', async () => {
    fakeNext.paths = [];
    const host = await start(fakeNext);
    expect(await upgrade(host, '/_next/hmr?id=1')).toBe('upgraded');
    const client = connectClient(`http://${host}`, {
      transports: ['websocket'],
      reconnection: false,
    });
    cleanups.push(() => void client.disconnect());
    await new Promise((resolve) => client.once('snapshot', resolve));
    expect(client.io.engine.transport.name).toBe('websocket');
    expect(fakeNext.paths).toEqual(['/_next/hmr?id=1']);
  });

  it('closes an upgrade that Next does not answer', async () => {
    fakeNext.paths = [];
    const clock = new ManualServerClock();
    const host = await start(fakeNext, clock);
    let outcome: string | undefined;
    void upgrade(host, '/elsewhere').then((result) => (outcome = result));
    await waitFor(() => fakeNext.paths.length === 1, 'the upgrade to reach Next');
    await clock.advance(199);
    await clock.yield();
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    await waitFor(() => outcome === 'closed', 'the unanswered upgrade to be closed');
  });

  it('refuses every other upgrade at once without Next', async () => {
    const host = await start(undefined);
    expect(await upgrade(host, '/_next/hmr')).toBe('closed');
  });
});
