/** The logging the live sources need: pino's methods (a pino logger fits as is). */
export interface XLogger {
  debug(obj: object, message?: string): void;
  info(obj: object, message?: string): void;
  warn(obj: object, message?: string): void;
  error(obj: object, message?: string): void;
}

/** For tests and tools that want no logs. */
export const silentLogger: XLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
