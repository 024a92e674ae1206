import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for per-client limits. With `trustProxyHops` = 0 it is the
 * TCP peer. Behind proxies that each append the address they saw to `X-Forwarded-For` (Cloud
 * Run's front end does), it is the entry `trustProxyHops` places from the right: entries further
 * left were written by the client and can be forged.
 */
export function clientAddress(req: IncomingMessage, trustProxyHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? peer;
}
