/**
 * Trending alerts through the real server: the hostile-tags fixture (a quiet minute, then a burst
 * of six tags) replayed at max speed, with `TRENDING_WEBHOOK_URL` pointing at a real local HTTP
 * receiver that fails its first request.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileFixture } from '@/tests/support/hostile-fixture';
import type { HostileFixture } from '@/tests/support/hostile-fixture';
import { waitFor } from '@/tests/support/wait-for';
import { loadConfig } from '../config';
import { createTagstreamServer } from '../create-server';
import type { TagstreamServer } from '../create-server';

const SECRET_PATH = '/services/T000/B000/very-secret-token';
const BEARER = 'bearer-token-that-must-stay-home';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let receiver: Server;
const received: Received[] = [];
let refusals = 1;
let fixture: HostileFixture;
let server: TagstreamServer;
const logLines: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (refusals > 0) {
        refusals--;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  fixture = writeHostileFixture();
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = createTagstreamServer({
    config: loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      FIXTURE_PATH: fixture.path,
      FIXTURE_SPEED: 'max',
      FIXTURE_LOOP: 'false',
      X_BEARER_TOKEN: BEARER,
      TRENDING_WEBHOOK_URL: `http://127.0.0.1:${port}${SECRET_PATH}`,
      TRENDING_WEBHOOK_TOP: '10',
    } as NodeJS.ProcessEnv),
    logger: pino({ level: 'debug' }, logs),
    next: false,
  });
  await server.listen();
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  fixture?.remove();
});

describe('trending webhook', () => {
  it('posts one Slack-shaped alert per tag entering the top, retrying a failure', async () => {
    await waitFor(() => received.length >= 6, 'six alerts', { timeoutMs: 30_000 });
    const bodies = received.map((request) => JSON.parse(request.body));
    const keys = bodies.map((body) => /^#(\S+) is trending/.exec(body.text)?.[1]?.toLowerCase());
    expect(new Set(keys)).toEqual(new Set(fixture.expected.map((tag) => tag.key)));
    expect(keys).toHaveLength(6);
    for (const body of bodies) {
      expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    }
    expect(refusals).toBe(0);
    // The receiver records a request before its answer reaches the sender, so the sender's
    // counter may trail the sixth request by a moment.
    const sentAlerts = async () =>
      (await server.metrics.webhookAlerts.get()).values.find(
        (value) => value.labels.outcome === 'sent',
      )?.value ?? 0;
    await waitFor(async () => (await sentAlerts()) >= 6, 'six alerts counted as sent', {
      timeoutMs: 5_000,
    });
    expect(await sentAlerts()).toBe(6);
  });

  it('never sends the bearer token, and never logs the webhook URL whole', () => {
    for (const request of received) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request)).not.toContain(BEARER);
    }
    expect(logLines.join('')).not.toContain('very-secret-token');
  });
});
