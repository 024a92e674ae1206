/**
 * Hashtags named like object properties (`#__proto__`, `#constructor`, …) through the real
 * server: a fixture written for the test, replayed at max speed, read back through the HTTP API
 * and a socket.io client. Each must come back as itself, with its own counts.
 */
import pino from 'pino';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClientToServerEvents,
  DashboardSnapshot,
  SeriesBlock,
  ServerToClientEvents,
} from '@/lib/protocol';
import { HOSTILE_TAGS } from '@/tests/support/hostile-tags';
import { writeHostileFixture } from '@/tests/support/hostile-fixture';
import type { HostileFixture } from '@/tests/support/hostile-fixture';
import { blockCounts } from '@/tests/support/series-block';
import { loadConfig } from './config';
import { createTagstreamServer } from './create-server';
import type { TagstreamServer } from './create-server';
import { waitFor } from '../tests/support/wait-for';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let fixture: HostileFixture;
const expected = () => fixture.expected;
let server: TagstreamServer;
let base = '';
const clients: Client[] = [];

beforeAll(async () => {
  fixture = writeHostileFixture();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    FIXTURE_PATH: fixture.path,
    FIXTURE_SPEED: 'max',
    FIXTURE_LOOP: 'false',
    CLIENT_UPDATE_INTERVAL_MS: '50',
  } as NodeJS.ProcessEnv);
  server = createTagstreamServer({ config, logger: pino({ level: 'silent' }), next: false });
  const { port } = await server.listen();
  base = `http://127.0.0.1:${port}`;
  await waitFor(
    () => (server.store.latest()?.batchTime ?? 0) > fixture.lastPostMs,
    'the last post',
    {
      timeoutMs: 20_000,
    },
  );
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.close();
  fixture?.remove();
});

const getJson = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
};

/** Each expected tag's total over the block's points, with the spelling the block gives it. */
function blockTotals(block: SeriesBlock) {
  return expected().map(({ key }) => ({
    key,
    tag: block.tags.find((tag) => tag.key === key)?.tag,
    count: blockCounts(block).reduce((sum, point) => sum + (point.counts.get(key) ?? 0), 0),
  }));
}

describe('hashtags named like object properties', () => {
  it('are listed by /api/trends in every window with their own spelling and count', async () => {
    for (const window of ['1m', '5m', '15m', '60m']) {
      const body = await getJson(`/api/trends?window=${window}&limit=100`);
      const tags = body.tags
        .filter((tag: { key: string }) => tag.key !== 'filler')
        .map(({ key, tag, count }: { key: string; tag: string; count: number }) => ({
          key,
          tag,
          count,
        }));
      expect(tags, window).toEqual([...expected()].reverse());
    }
  });

  it('each have a series at /api/trends/:tag/series', async () => {
    for (const { key, tag, count } of expected()) {
      const body = await getJson(`/api/trends/${encodeURIComponent(tag)}/series`);
      expect(body).toMatchObject({ key, tag });
      const total = body.points.reduce((sum: number, point: { count: number }) => {
        expect(typeof point.count).toBe('number');
        return sum + point.count;
      }, 0);
      expect(total, tag).toBe(count);
    }
  });

  it('trend in /api/trending as plain tags', async () => {
    const body = await getJson('/api/trending?limit=100');
    const listed = body.trending.map(({ key, tag }: { key: string; tag: string }) => ({
      key,
      tag,
    }));
    expect(listed).toEqual(
      expect.arrayContaining(expected().map(({ key, tag }) => ({ key, tag }))),
    );
  });

  it('reach a socket client in the snapshot and in its watched series', async () => {
    const client: Client = connectClient(base, { transports: ['websocket'], reconnection: false });
    clients.push(client);
    const snapshot = await new Promise<DashboardSnapshot>((resolve) =>
      client.once('snapshot', resolve),
    );
    const window = snapshot.windows.find((candidate) => candidate.label === '5m')!;
    expect(
      window.top.filter((tag) => tag.key !== 'filler').map(({ key, tag }) => ({ key, tag })),
    ).toEqual([...expected()].reverse().map(({ key, tag }) => ({ key, tag })));
    expect(blockTotals(snapshot.series)).toEqual(expected());
    const watched = new Promise<SeriesBlock>((resolve) => {
      const seen = (block: SeriesBlock) => {
        if (expected().every(({ key }) => block.tags.some((tag) => tag.key === key)))
          resolve(block);
      };
      client.on('batch', (update) => seen(update.series));
    });
    client.emit(
      'watch',
      HOSTILE_TAGS.map((tag) => `#${tag}`),
    );
    const block = await watched;
    for (const { key, tag } of expected()) {
      expect(block.tags.find((entry) => entry.key === key)?.tag).toBe(tag);
    }
  });
});
