import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';

export interface NextApp {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Hands Next a websocket upgrade (dev: its hot-reload socket under `/_next/`). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export interface NextAppOptions {
  dev: boolean;
  dir: string;
  hostname: string;
  port: number;
}

/**
 * Prepares Next for our own HTTP server. Next attaches an `upgrade` listener to the server it is
 * given (on its first request); it gets a stand-in emitter instead of the real server, so that
 * socket.io's upgrades never reach Next and Next's (the dev hot-reload socket) are forwarded
 * explicitly by `upgrade`. Every other Next upgrade behaviour is unchanged.
 */
export async function prepareNextApp(options: NextAppOptions): Promise<NextApp> {
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
    close: () => app.close(),
  };
}
