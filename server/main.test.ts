/** The real entry point as a child process: start-up errors, logging and shutdown. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { io as connectClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--no-next'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<Outcome>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((outcome) => reject(new Error(`exited early: ${outcome.stderr}`)));
  });
  // Not every test waits for `listening`; an early exit must not become an unhandled rejection.
  listening.catch(() => undefined);
  return { child, exited, listening };
}

/** Sends one raw request (any request target) and resolves with the status line. */
function rawStatusLine(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n')) {
        resolve(answer.slice(0, answer.indexOf('\r\n')));
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

describe('server/main.ts', () => {
  it('refuses a FIFO as the fixture at once, with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'main-fifo-'));
    const fifo = join(dir, 'fixture.jsonl');
    execFileSync('mkfifo', [fifo]);
    try {
      const { code, stderr } = await startMain({ PORT: '0', FIXTURE_PATH: fifo }).exited;
      expect(code).toBe(1);
      expect(stderr).toBe(`Tagstream failed to start: ${fifo} is not a regular file (a FIFO)\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with one line naming a bad variable', async () => {
    const { code, stderr, stdout } = await startMain({ FIXTURE_SPEED: 'warp' }).exited;
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Invalid environment variable FIXTURE_SPEED: expected a positive number (1 = real time) or max, got "warp"\n',
    );
    expect(stdout).toBe('');
  });

  it('logs its URL, never the token, and exits 0 on SIGTERM with clients connected', async () => {
    const token = 'AAAA-secret-bearer-token-value';
    const started = startMain({
      HOST: '127.0.0.1',
      PORT: '0',
      FIXTURE_PATH: 'fixtures/small.jsonl',
      FIXTURE_SPEED: 'max',
      X_BEARER_TOKEN: token,
      LOG_LEVEL: 'debug',
    });
    const url = await started.listening;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await rawStatusLine(url, 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n')).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    const action = await fetch(url, { method: 'POST', headers: { 'next-action': 'abc' } });
    expect(action.status).toBe(404);
    const client = connectClient(url, { transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => client.once('snapshot', resolve));
    const signalledAt = Date.now();
    started.child.kill('SIGTERM');
    const { code, stdout, stderr } = await started.exited;
    client.disconnect();
    expect(code, `the exit status; the server's log:\n${stdout.slice(-4000)}`).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(9000);
    expect(stdout).toContain('"msg":"shutting down"');
    expect(stdout + stderr).not.toContain(token);
    for (const line of stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(stderr).toBe('');
  });
});
