/**
 * The hardened surface against the real server: security headers on every kind of answer, the
 * API's per-address rate limit, the per-socket `watch` throttle under a flood, and the limit of
 * sockets per address. Clients tell their address with `X-Forwarded-For` (one trusted proxy hop),
 * so one test process can act as several clients.
 */
import { get } from 'node:http';
import pino from 'pino';
import { io as connectClient } from 'socket.io-client';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import { loadConfig } from './config';
import { createTagstreamServer } from './create-server';
import { TOO_MANY_SOCKETS } from './sockets/socket-limits';

const API_LIMIT = 5;
const SOCKETS_PER_ADDRESS = 3;
const WATCH_PER_SEC = 5;

const server = createTagstreamServer({
  config: loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    FIXTURE_PATH: 'fixtures/small.jsonl',
    FIXTURE_SPEED: '20',
    FIXTURE_LOOP: 'true',
    API_RATE_LIMIT_PER_MIN: String(API_LIMIT),
    MAX_SOCKETS_PER_ADDRESS: String(SOCKETS_PER_ADDRESS),
    WATCH_MESSAGES_PER_SEC: String(WATCH_PER_SEC),
    TRUST_PROXY_HOPS: '1',
  }),
  logger: pino({ level: 'silent' }),
  next: false,
});
let baseUrl = '';
const clients: ClientSocket[] = [];

beforeAll(async () => {
  baseUrl = (await server.listen()).url;
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

const from = (address: string) => ({ 'x-forwarded-for': address });

function connectFrom(address: string): ClientSocket {
  const client = connectClient(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: from(address),
  });
  clients.push(client);
  return client;
}

/** Resolves with 'connected' or the `connect_error` message. */
function outcome(client: ClientSocket): Promise<string> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve('connected'));
    client.once('connect_error', (error) => resolve(error.message));
  });
}

const rateLimited = async (kind: string) =>
  (await server.metrics.rateLimited.get()).values.find((value) => value.labels.kind === kind)
    ?.value ?? 0;

describe('security headers', () => {
  it.each(['/api/trends', '/api/unknown', '/healthz', '/readyz', '/metrics', '/dashboard-page'])(
    'are on the answer to %s',
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: from('10.0.0.1') });
      await response.arrayBuffer();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it("are on socket.io's own HTTP answers", async () => {
    const response = await fetch(`${baseUrl}/socket.io/?EIO=4&transport=polling`, {
      headers: from('10.0.0.1'),
    });
    await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('API rate limit', () => {
  it('answers 429 with retry-after beyond the limit, per client address, and never limits health checks', async () => {
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < API_LIMIT + 3; i++) {
      const response = await fetch(`${baseUrl}/api/trends`, { headers: from('10.0.0.2') });
      statuses.push(response.status);
      if (response.status === 429) refusal ??= response;
      else await response.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(API_LIMIT).fill(200), 429, 429, 429]);
    const retryAfter = Number(refusal!.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refusal!.json()).toMatchObject({ error: 'too many requests' });
    expect(await rateLimited('api')).toBe(3);
    // Another address is served; probes from the limited one still are.
    expect((await fetch(`${baseUrl}/api/trends`, { headers: from('10.0.0.3') })).status).toBe(200);
    expect((await fetch(`${baseUrl}/healthz`, { headers: from('10.0.0.2') })).status).toBe(200);
  });
});

/**
 * The status of a GET, through `node:http`: no connect timeout of its own (`fetch` gives up
 * connecting after 10 s), so a server that is slow on a busy machine answers late, and one whose
 * event loop is stuck fails the test by its timeout.
 */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('socket limits', () => {
  it('ignores watch messages beyond the limit while /healthz keeps answering during a flood of 10,000', async () => {
    const client = connectFrom('10.0.0.4');
    await new Promise((resolve) => client.once('snapshot', resolve));
    const largeWatch = Array.from({ length: MAX_WATCHED_TAGS }, (_, i) => `${i}`.padEnd(140, 'x'));
    const throttledBefore = await rateLimited('watch');
    let applied = 0;
    for (const socket of server.io.sockets.sockets.values()) socket.on('watch', () => applied++);
    const floodStartMs = performance.now();
    for (let i = 0; i < 10_000; i++) client.emit('watch', largeWatch);
    // The client shares this process: the flood is queued now, and the server reads it next.
    const healthStartMs = performance.now();
    const healthStatus = await statusOf(`${baseUrl}/healthz`);
    const healthMs = performance.now() - healthStartMs;
    expect(healthStatus).toBe(200);
    const dropped = async () => (await rateLimited('watch')) - throttledBefore;
    await expect.poll(async () => (await dropped()) + applied, { timeout: 30_000 }).toBe(10_000);
    const elapsedSec = (performance.now() - floodStartMs) / 1000;
    // All but a few per second were dropped before being read.
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(WATCH_PER_SEC * (Math.ceil(elapsedSec) + 1));
    // The socket is still served.
    expect(client.connected).toBe(true);
    await new Promise((resolve) => client.once('batch', resolve));
    console.info(
      `watch flood: queued in ${(healthStartMs - floodStartMs).toFixed(0)} ms, ` +
        `/healthz answered ${healthMs.toFixed(0)} ms later, ${applied} of 10,000 watch messages applied in ${elapsedSec.toFixed(1)} s`,
    );
  });

  it('refuses connections beyond the limit from one address with a reason, and only from it', async () => {
    const allowed = [1, 2, 3].map(() => connectFrom('10.0.0.5'));
    expect(await Promise.all(allowed.map(outcome))).toEqual([
      'connected',
      'connected',
      'connected',
    ]);
    expect(await outcome(connectFrom('10.0.0.5'))).toBe(TOO_MANY_SOCKETS);
    expect(await outcome(connectFrom('10.0.0.6'))).toBe('connected');
    expect(await rateLimited('socket')).toBe(1);
    // A closed socket frees its place.
    allowed[0]!.close();
    await expect.poll(async () => outcome(connectFrom('10.0.0.5'))).toBe('connected');
  });
});
