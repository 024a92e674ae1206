import pino from 'pino';
import type { Logger } from 'pino';

/**
 * JSON logs on stdout. Anything token-like is redacted wherever it appears in a logged object
 * (request headers, a config object, client options); the config itself is never logged whole.
 */
export const REDACTED_PATHS = [
  'X_BEARER_TOKEN',
  '*.X_BEARER_TOKEN',
  'bearerToken',
  '*.bearerToken',
  'token',
  '*.token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  'options.headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tagstream' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
