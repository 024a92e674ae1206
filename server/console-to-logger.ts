import { format } from 'node:util';
import type { Logger } from 'pino';

/**
 * Sends what libraries print with `console.*` (Next's request errors above all, stack traces
 * included) through `logger`, so that every line the server writes is one JSON object: the
 * formatted text, newlines and all, becomes the entry's `msg`.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const tagged = logger.child({ component: 'console' });
  const to =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (...args: unknown[]): void =>
      tagged[level](format(...args));
  console.error = to('error');
  console.warn = to('warn');
  console.info = to('info');
  console.log = to('info');
  console.debug = to('debug');
  console.trace = to('debug');
}
