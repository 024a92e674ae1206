/**
 * One open connection to an X stream endpoint, opened through twitter-api-v2 but read by us: the
 * library's own chunk parser is detached (it corrupts characters split across chunks and loses a
 * line whose `\r\n` arrives alone) and the response bytes go through `createStreamLineReader`. The
 * library's auto-reconnect and keep-alive timer are off: the source's loop owns both.
 */
import type { IncomingMessage, ClientRequest } from 'node:http';
import type { Readable } from 'node:stream';
import { ETwitterStreamEvent } from 'twitter-api-v2';
import type { TweetStream } from 'twitter-api-v2';
import { createStreamLineReader } from './stream-line-reader';
import type { ServerClock } from '../../time/server-clock';
import { withTimeout } from '../../time/with-timeout';

export interface StreamConnectionHandlers {
  /** A complete non-blank line, verbatim. */
  line(raw: string): void;
  /** Any bytes arrived, keep-alives included (feeds the stall watchdog). */
  activity(): void;
}

export interface StreamConnection {
  /** Settles once, when the connection has ended for any reason (never rejects). */
  readonly ended: Promise<void>;
  /** Closes the connection and releases its socket; idempotent. */
  close(): void;
}

/** The library keeps the live request and response in protected fields; we read them. */
interface ConnectedParts {
  req?: ClientRequest;
  res?: Readable;
  originalResponse?: IncomingMessage;
}

const ignore = (): void => undefined;

/**
 * Connects `stream` (made with `autoConnect: false`). Rejects with the library's error when the
 * connection cannot be opened (HTTP status ≥ 400 or a network error), or after `timeoutMs`
 * without response headers (the library sets no timeout on streams); a connection that opens
 * after that is closed at once.
 */
export async function openStreamConnection(
  clock: ServerClock,
  stream: TweetStream,
  timeoutMs: number,
  handlers: StreamConnectionHandlers,
): Promise<StreamConnection> {
  return withTimeout(clock, connect(stream, handlers), timeoutMs, (late) => late.close());
}

async function connect(
  stream: TweetStream,
  handlers: StreamConnectionHandlers,
): Promise<StreamConnection> {
  const parts = stream as unknown as ConnectedParts;
  const splitter = createStreamLineReader({ line: handlers.line, keepAlive: handlers.activity });
  const onData = (chunk: Buffer | string): void => {
    handlers.activity();
    splitter.push(chunk);
  };
  // `Connected` fires before the library attaches its own listeners: ours is first in line.
  stream.on(ETwitterStreamEvent.Connected, () => parts.res?.on('data', onData));
  await stream.connect({ autoReconnect: false, keepAliveTimeout: 'disable' });

  const res = parts.res!;
  for (const listener of res.listeners('data'))
    if (listener !== onData) res.off('data', listener as (...args: unknown[]) => void);

  let settle!: () => void;
  const ended = new Promise<void>((resolve) => (settle = resolve));
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    splitter.discardTail();
    stream.destroy();
    // The library removed every listener before destroying: a late 'error' must not crash us.
    for (const emitter of [res, parts.originalResponse, parts.req]) emitter?.on('error', ignore);
    settle();
  };
  res.once('end', finish).once('close', finish).on('error', finish);
  // When `res` is a decompressor, a socket that dies never ends it: watch the raw response too.
  if (parts.originalResponse && parts.originalResponse !== res)
    parts.originalResponse.once('aborted', finish).on('error', finish);
  parts.req?.on('error', finish);
  return { ended, close: finish };
}
