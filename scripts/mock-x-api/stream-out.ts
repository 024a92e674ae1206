/**
 * Where a mock stream writes: the response as is, or through gzip (as X does when the client
 * accepts it), flushed after every write so each piece still reaches the client as its own chunk.
 */
import type { ServerResponse } from 'node:http';
import { constants, createGzip } from 'node:zlib';

export interface StreamOut {
  /** Writes in order; `done` runs once the bytes are on their way to the socket. */
  write(chunk: Buffer | string, done?: () => void): void;
  end(): void;
  readonly destroyed: boolean;
  /** Drops the TCP connection once what was written has gone out. */
  drop(): Promise<void>;
}

export function plainOut(res: ServerResponse): StreamOut {
  return {
    write: (chunk, done) => void res.write(chunk, () => done?.()),
    end: () => void res.end(),
    get destroyed() {
      return res.destroyed;
    },
    drop: async () => void res.socket?.destroy(),
  };
}

export function gzipOut(res: ServerResponse): StreamOut {
  const gzip = createGzip();
  gzip.pipe(res);
  return {
    write(chunk, done) {
      gzip.write(chunk);
      gzip.flush(constants.Z_SYNC_FLUSH, () => done?.());
    },
    end: () => void gzip.end(),
    get destroyed() {
      return res.destroyed;
    },
    async drop() {
      // The flushed output is piped on asynchronously: let it reach the socket first.
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.socket?.destroy();
    },
  };
}
