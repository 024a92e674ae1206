import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { Hub } from './hub';
import type { HubOptions, TrendsServer } from './hub';
import type { MessageSources } from './hub-messages';
import type { Metrics } from '../metrics';
import { isSameOrigin } from '../http/same-origin';
import { NON_PAGE_POLICY, SECURITY_HEADERS } from '../http/security-headers';

/** Socket messages are tiny (`watch`): a larger one is refused before it is buffered. */
const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io on the shared HTTP server at `/socket.io`, same-origin only. It leaves upgrades of
 * other paths alone (`destroyUpgrade: false`): see `route-upgrades.ts`.
 */
export function attachSockets(
  httpServer: HttpServer,
  updateIntervalMs: number,
  sources: MessageSources,
  metrics: Metrics,
  logger: Logger,
  detail?: HubOptions['detail'],
): { io: TrendsServer; hub: Hub } {
  const io: TrendsServer = new SocketServer(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });
  // socket.io's own HTTP answers (polling, handshake) carry the same headers as every answer.
  io.engine.on('headers', (headers: Record<string, string>) => {
    Object.assign(headers, SECURITY_HEADERS, { 'content-security-policy': NON_PAGE_POLICY });
  });
  const hub = new Hub(io, {
    updateIntervalMs,
    sources,
    logger: logger.child({ component: 'hub' }),
    metrics,
    detail,
  });
  return { io, hub };
}
