import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextApp } from './next-app';
import type { ServerClock } from '../time/server-clock';
import { systemServerClock } from '../time/system-server-clock';

/** An upgrade nobody answered within this time is closed. */
const UNANSWERED_UPGRADE_MS = 5000;

export interface UpgradeRoutes {
  /** Destroys the sockets handed to Next (they would keep the HTTP server from closing). */
  closeAll(): void;
}

/**
 * Websocket upgrades on the shared port: `/socket.io/` is answered by engine.io's own listener
 * (attached with `destroyUpgrade: false`, so it leaves the others alone); the rest go to Next
 * (its dev hot-reload socket) when Next runs, else they are refused. An upgrade that nobody
 * answers is closed after a few seconds instead of holding a socket open.
 */
export function routeUpgrades(
  server: Server,
  nextApp: () => Pick<NextApp, 'upgrade'> | undefined,
  unansweredUpgradeMs = UNANSWERED_UPGRADE_MS,
  clock: ServerClock = systemServerClock,
): UpgradeRoutes {
  const handedToNext = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.startsWith('/socket.io/')) return;
    const app = nextApp();
    if (!app) return void socket.destroy();
    const timer = clock.setTimeout(() => {
      if (!socket.destroyed && (socket as { bytesWritten?: number }).bytesWritten === 0) {
        socket.destroy();
      }
    }, unansweredUpgradeMs);
    handedToNext.add(socket);
    socket.once('close', () => {
      handedToNext.delete(socket);
      timer.cancel();
    });
    app.upgrade(req, socket, head);
  });
  return {
    closeAll() {
      for (const socket of handedToNext) socket.destroy();
    },
  };
}
