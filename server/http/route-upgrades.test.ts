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

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server with socket.io and the upgrade routing; `next` stands in for Next's handler. */
async function start(next: { upgrade(req: IncomingMessage, socket: Duplex): void } | undefined) {
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
  const upgrades = routeUpgrades(server, () => next, 200);
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
    const host = await start(fakeNext);
    const startedAt = Date.now();
    expect(await upgrade(host, '/elsewhere')).toBe('closed');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
  });

  it('refuses every other upgrade at once without Next', async () => {
    const host = await start(undefined);
    expect(await upgrade(host, '/_next/hmr')).toBe('closed');
  });
});
