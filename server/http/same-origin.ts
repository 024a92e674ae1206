import type { IncomingMessage } from 'node:http';

/**
 * Socket connections from browsers are accepted only from the page's own origin (the `Origin`
 * header's host equals the `Host` header), so another site cannot open a socket with a
 * visitor's browser. Clients that send no `Origin` (servers, tests, curl) are accepted.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
