import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { clientAddress } from '../http/client-address';

export interface SocketLimitOptions {
  /** Open sockets per client address; 0 = no limit. */
  maxSocketsPerAddress: number;
  /** `watch` messages a socket may send per second; the excess is ignored. */
  watchMessagesPerSec: number;
  trustProxyHops: number;
  logger?: Logger;
  /** Called once per ignored `watch` message (metrics). */
  onThrottled?: () => void;
  /** Called once per refused connection (metrics). */
  onRefused?: () => void;
}

/** Sent in `connect_error` (`err.message`) to a socket refused for its address. */
export const TOO_MANY_SOCKETS = 'too many connections from this address';

/**
 * Per-client limits on the sockets: a connection beyond `maxSocketsPerAddress` from one address
 * is refused with a `connect_error` that says why (the others are untouched), and a socket that
 * sends `watch` faster than `watchMessagesPerSec` has the excess dropped before any parsing, so a
 * flood costs one counter check per message.
 */
export function limitSockets(io: Server, options: SocketLimitOptions): void {
  const openByAddress = new Map<string, number>();
  io.use((socket, next) => {
    if (options.maxSocketsPerAddress === 0) return next();
    const address = clientAddress(socket.request, options.trustProxyHops);
    const open = openByAddress.get(address) ?? 0;
    if (open >= options.maxSocketsPerAddress) {
      options.logger?.warn({ open }, 'refused a socket: too many from one address');
      options.onRefused?.();
      return next(new Error(TOO_MANY_SOCKETS));
    }
    openByAddress.set(address, open + 1);
    socket.on('disconnect', () => {
      const left = (openByAddress.get(address) ?? 1) - 1;
      if (left <= 0) openByAddress.delete(address);
      else openByAddress.set(address, left);
    });
    next();
  });
  io.on('connection', (socket) => {
    const allowWatch = fixedWindowAllowance(options.watchMessagesPerSec, 1000);
    socket.use(([event], next) => {
      // `filter` answers with a snapshot and `detail` requests cost about what a `watch` does:
      // they share its allowance.
      if ((event !== 'watch' && event !== 'filter' && event !== 'detail') || allowWatch()) {
        return next();
      }
      options.onThrottled?.();
    });
  });
}

/** True at most `limit` times per `windowMs` of wall time (a fixed window, one counter). */
function fixedWindowAllowance(limit: number, windowMs: number): () => boolean {
  let windowStartMs = -Infinity;
  let used = 0;
  return () => {
    const nowMs = Date.now();
    if (nowMs - windowStartMs >= windowMs) {
      windowStartMs = nowMs;
      used = 0;
    }
    return ++used <= limit;
  };
}
