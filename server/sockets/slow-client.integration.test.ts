/**
 * The real server with a looping max-speed replay (a batch every few ms) and a dashboard client
 * that stops reading: what the server holds for it must stay bounded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { io as connectClient } from 'socket.io-client';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTagstreamServer } from '../create-server';
import { waitFor } from '@/tests/support/wait-for';

/**
 * Posts whose hashtags are 140 CJK characters long (560 bytes each in UTF-8), 200 of them: every
 * top list of an update is full of long names, so updates are tens of KB and the kernel's socket
 * buffers (megabytes on loopback) fill within seconds rather than minutes.
 */
function longTagsFixture(path: string): void {
  const startMs = Date.UTC(2026, 2, 1, 12, 0, 0);
  const tags = Array.from({ length: 200 }, (_, index) =>
    String.fromCodePoint(0x20000 + index).repeat(140),
  );
  const lines: string[] = [];
  for (let index = 0; index < 3000; index++) {
    const picked = [0, 1, 2].map((k) => tags[(index * 7 + k * 61) % tags.length]!);
    const hashtags = picked.map((tag) => ({ start: 0, end: tag.length + 1, tag }));
    const created_at = new Date(startMs + index * 200).toISOString();
    lines.push(
      JSON.stringify({ data: { id: `${index}`, text: 'x', created_at, entities: { hashtags } } }),
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const dir = mkdtempSync(join(tmpdir(), 'slow-client-'));
const fixturePath = join(dir, 'long-tags.jsonl');
longTagsFixture(fixturePath);

const server = createTagstreamServer({
  config: loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    FIXTURE_PATH: fixturePath,
    FIXTURE_SPEED: 'max',
    FIXTURE_LOOP: 'true',
    CLIENT_UPDATE_INTERVAL_MS: '50',
  }),
  logger: pino({ level: 'silent' }),
  next: false,
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface ServerConnection {
  writeBuffer: unknown[];
  transport: { socket: { _socket: { writableLength: number } } };
}

it('holds at most one message for a client that stops reading', async () => {
  const { port } = await server.listen();
  const client = connectClient(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise((resolve) => client.once('snapshot', resolve));
  let largestMessage = 0;
  client.on('batch', (update) => {
    largestMessage = Math.max(largestMessage, JSON.stringify(update).length);
  });
  await new Promise((resolve) => client.once('batch', resolve));
  const tcp = (client.io.engine.transport as unknown as { ws: { _socket: Socket } }).ws._socket;
  tcp.pause();
  const connection = [...server.io.sockets.sockets.values()][0]!
    .conn as unknown as ServerConnection;
  const skipped = async () =>
    (await server.metrics.skippedClientUpdates.get()).values[0]?.value ?? 0;
  let maxPackets = 0;
  let maxBytes = 0;
  // Updates are tens of KB: the kernel's buffers (megabytes on loopback) fill in a few seconds.
  await waitFor(
    async () => {
      maxPackets = Math.max(maxPackets, connection.writeBuffer.length);
      maxBytes = Math.max(maxBytes, connection.transport.socket._socket.writableLength);
      return (await skipped()) >= 5;
    },
    'five skipped updates',
    { timeoutMs: 60_000, pollMs: 25 },
  );
  tcp.destroy();
  // The kernel's buffers filled, then the server skipped updates instead of queueing them.
  expect(await skipped()).toBeGreaterThanOrEqual(5);
  expect(maxPackets).toBeLessThanOrEqual(1);
  expect(maxBytes).toBeLessThanOrEqual(2 * largestMessage + 16_384);
}, 90_000);
