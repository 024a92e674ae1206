import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';

export interface NextApp {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Hands Next a websocket upgrade (dev: its hot-reload socket under `/_next/`). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Releases this server's use of the app; the process's Next app stays open (see below). */
  close(): Promise<void>;
}

export interface NextAppOptions {
  dev: boolean;
  dir: string;
  hostname: string;
  port: number;
}

/**
 * Next keeps one prepared server per project directory for the whole process (it caches its
 * render server by `dir`): a second `next({ dir })` gets the first one back, closed or not, and a
 * closed one fails every request that reaches its `waitUntil` ("Cannot call waitUntil() on an
 * AwaiterOnce that was already awaited"). So each directory is prepared once per process and
 * shared by every server started on it (the tests start several in one process); a server's
 * `close` leaves it open. Nothing here waits on Next's close: the app schedules no `after()`
 * work and no background revalidation.
 */
const preparedApps = new Map<string, Promise<NextApp>>();

/** The process's Next app for `options.dir`, prepared on first use (see `preparedApps`). */
export function prepareNextApp(options: NextAppOptions): Promise<NextApp> {
  const key = `${options.dev ? 'dev' : 'production'}:${options.dir}`;
  let prepared = preparedApps.get(key);
  if (!prepared) {
    prepared = startNextApp(options);
    preparedApps.set(key, prepared);
    prepared.catch(() => preparedApps.delete(key));
  }
  return prepared;
}

/**
 * Prepares Next for our own HTTP server. Next attaches an `upgrade` listener to the server it is
 * given (on its first request); it gets a stand-in emitter instead of the real server, so that
 * socket.io's upgrades never reach Next and Next's (the dev hot-reload socket) are forwarded
 * explicitly by `upgrade`. Every other Next upgrade behaviour is unchanged.
 */
async function startNextApp(options: NextAppOptions): Promise<NextApp> {
  const upgrades = new EventEmitter();
  const app = next({
    dev: options.dev,
    dir: options.dir,
    hostname: options.hostname,
    port: options.port,
    httpServer: upgrades as unknown as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handle: (req, res) => handle(req, res),
    upgrade: (req, socket, head) => void upgrades.emit('upgrade', req, socket, head),
    close: async () => undefined,
  };
}
