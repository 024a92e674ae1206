import type { Socket } from 'socket.io-client';

/** What a client of the server saw while a variant ran. */
export interface ResponsivenessSample {
  /** Latency of each `GET /api/trends`, ms. */
  apiMs: number[];
  /** Gaps between consecutive socket `batch` messages, ms. */
  socketGapsMs: number[];
}

/**
 * Polls `GET /api/trends` every `intervalMs` (one request at a time) and times the gaps between
 * the socket's `batch` messages, until `stop` is called.
 */
export function probeResponsiveness(
  url: string,
  socket: Socket,
  intervalMs = 50,
): { stop: () => Promise<ResponsivenessSample> } {
  const sample: ResponsivenessSample = { apiMs: [], socketGapsMs: [] };
  let lastBatchAt: number | undefined;
  const onBatch = (): void => {
    const now = performance.now();
    if (lastBatchAt !== undefined) sample.socketGapsMs.push(now - lastBatchAt);
    lastBatchAt = now;
  };
  socket.on('batch', onBatch);
  let stopped = false;
  const polling = (async () => {
    while (!stopped) {
      const startedAt = performance.now();
      const response = await fetch(`${url}/api/trends?limit=10`);
      await response.arrayBuffer();
      sample.apiMs.push(performance.now() - startedAt);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await polling;
      socket.off('batch', onBatch);
      return sample;
    },
  };
}
