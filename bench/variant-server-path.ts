import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { loadConfig } from '@/server/config';
import { createTagstreamServer } from '@/server/create-server';
import type { TagstreamServer } from '@/server/create-server';
import { FixtureSource } from '@/server/sources/fixture/fixture-source';
import type { TweetSink, TweetSource } from '@/server/sources/types';
import type { BenchInput } from './bench-input';
import type { BatchClose, Variant } from './measure';
import { timedSink } from './timed-sink';
import { probeResponsiveness } from './responsiveness-probe';
import type { ResponsivenessSample } from './responsiveness-probe';

/**
 * (d) The whole server path in this process: the gzip fixture → `FixtureSource` at `max` speed →
 * pipeline → store → hub, with one socket.io client connected and `GET /api/trends` polled
 * every 50 ms (their latencies are kept in `samples`). Timed from the source's start to the end
 * of the file; the server is started before and closed after the timing.
 */
export function serverPathVariant(
  input: BenchInput,
  fixturePath: string,
  batchIntervalMs: number,
  parseWorkers: number,
  samples: ResponsivenessSample[] = [],
): Variant {
  let prepared: Prepared | undefined;
  return {
    name:
      parseWorkers === 0 ? '(d) server path' : `(e) server path, ${parseWorkers} parse worker(s)`,
    async setUp() {
      prepared = await prepare(fixturePath, batchIntervalMs, parseWorkers);
    },
    async run() {
      const { server, fixture, gate, socket, url } = prepared!;
      const batchMs: number[] = [];
      let batchStartedAt = performance.now();
      const record = server.store.record.bind(server.store);
      server.store.record = (result) => {
        record(result);
        const now = performance.now();
        batchMs.push(now - batchStartedAt);
        batchStartedAt = now;
      };
      const probe = probeResponsiveness(url, socket, 100);
      const closes: BatchClose[] = [];
      const sink = timedSink(gate.sink!, () => server.stats(), closes);
      await fixture.start(sink);
      await fixture.finished();
      // Without drain the replay ends at its last post: the batch holding the last posts is due
      // at the next batch boundary, which only a clock moving past it runs (the server's own
      // drain would, in real time). Close it, so that every post is counted and timed.
      await sink.advanceTo(batchEndMs(input.endMs, batchIntervalMs));
      samples.push(await probe.stop());
      const counted = server.stats().tweetsIngested;
      if (counted !== input.lines.length) {
        throw new Error(`the server counted ${counted} posts of ${input.lines.length}`);
      }
      return {
        batchMs,
        closes,
        release: () => {
          socket.close();
          void server.close();
        },
      };
    },
  };
}

/** The time of the batch a post of time `timeMs` joins: the next boundary strictly after it. */
function batchEndMs(timeMs: number, batchIntervalMs: number): number {
  return Math.floor(timeMs / batchIntervalMs) * batchIntervalMs + batchIntervalMs;
}

interface Prepared {
  server: TagstreamServer;
  fixture: FixtureSource;
  gate: GatedSource;
  socket: Socket;
  url: string;
}

async function prepare(
  path: string,
  batchIntervalMs: number,
  parseWorkers: number,
): Promise<Prepared> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TWEET_SOURCE: 'fixture',
    FIXTURE_PATH: path,
    FIXTURE_SPEED: 'max',
    FIXTURE_LOOP: 'false',
    BATCH_INTERVAL_MS: String(batchIntervalMs),
    PARSE_WORKERS: String(parseWorkers),
    NODE_ENV: 'production',
  });
  const fixture = new FixtureSource({
    path,
    speed: 'max',
    loop: false,
    drain: false,
    batchIntervalMs,
    parseWorkers: config.PARSE_WORKERS,
  });
  const gate = new GatedSource(fixture);
  const server = createTagstreamServer({ config, source: gate, next: false });
  const { url } = await server.listen();
  const socket = connectClient(url, { transports: ['websocket'] });
  await new Promise<void>((resolve) => socket.once('snapshot', () => resolve()));
  return { server, fixture, gate, socket, url };
}

/** The fixture source as the server sees it, except that `start` only keeps the sink: the
 * bench starts the replay itself once the server and its client are up. */
class GatedSource implements TweetSource {
  readonly timeMode = 'virtual' as const;
  sink: TweetSink | undefined;
  constructor(private readonly fixture: FixtureSource) {}
  async start(sink: TweetSink): Promise<void> {
    this.sink = sink;
  }
  stop(): Promise<void> {
    return this.fixture.stop();
  }
  status() {
    return this.fixture.status();
  }
  isReady(): boolean {
    return true;
  }
}
