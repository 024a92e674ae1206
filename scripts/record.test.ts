import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStreamLine } from '@/lib/trends/parsing/parse-line';
import { parseRecordArgs, record } from './record';
import { FixtureSource } from '../server/sources/fixture/fixture-source';
import { startMockXApi } from './mock-x-api/mock-x-api';
import type { MockXApi } from './mock-x-api/mock-x-api';
import { MOCK_TOKEN, recordingSink } from './mock-x-api/test-support';
import { waitFor } from '@/tests/support/wait-for';
import { silentLogger } from '../server/sources/x/x-logger';

let mock: MockXApi;
let dir: string;

beforeEach(async () => {
  mock = await startMockXApi({ bearerToken: MOCK_TOKEN, streamPostCount: 40 });
  dir = await mkdtemp(join(tmpdir(), 'tagstream-record-'));
});

afterEach(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  X_BEARER_TOKEN: MOCK_TOKEN,
  X_API_BASE_URL: mock.url,
  X_STREAM_RULES: '#日本語',
  X_SEARCH_QUERY: 'has:hashtags',
  X_BACKOFF_SCALE: '0.001',
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test' as const,
});

describe('parseRecordArgs', () => {
  it('reads the flags and rejects what it does not know', () => {
    expect(parseRecordArgs(['--source', 'sample', '--minutes', '0.5', '--out', 'a.jsonl'])).toEqual(
      {
        source: 'sample',
        minutes: 0.5,
        out: 'a.jsonl',
        maxPosts: undefined,
      },
    );
    expect(() => parseRecordArgs(['--source', 'fixture', '--out', 'a'])).toThrow(/usage/);
    expect(() => parseRecordArgs(['--source', 'sample'])).toThrow(/usage/);
  });
});

describe('record', () => {
  it('writes the stream lines verbatim to a gzip file that replays as a fixture', async () => {
    const out = join(dir, 'rec.jsonl.gz');
    const progress: string[] = [];
    const summary = await record({
      args: { source: 'filtered', minutes: 1, out, maxPosts: 25 },
      env: env(),
      logger: silentLogger,
      progress: (text) => progress.push(text),
    });
    expect(summary).toMatchObject({ lines: 25, stoppedBy: 'max-posts' });
    const lines = gunzipSync(await readFile(out))
      .toString('utf8')
      .split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).data.id)).toEqual(mock.sentIds.slice(0, 25));
    expect(lines.every((line) => parseStreamLine(line).ok)).toBe(true);
    expect(progress.at(-1)).toMatch(/^done: 25 lines/);

    const replay = new FixtureSource({
      path: out,
      speed: 'max',
      loop: false,
      drain: false,
      batchIntervalMs: 2000,
    });
    const sink = recordingSink();
    await replay.start(sink);
    await replay.finished();
    expect(sink.posts.map((post) => post.id)).toEqual(mock.sentIds.slice(0, 25));
    expect(sink.badLines).toEqual([]);
  });

  it('records recent search as stream lines, plain text when the name has no .gz', async () => {
    mock.publishSearchPosts(12);
    const out = join(dir, 'search.jsonl');
    const summary = await record({
      args: { source: 'search', minutes: 0.005, out },
      env: env(),
      logger: silentLogger,
      progress: () => undefined,
    });
    expect(summary).toMatchObject({ lines: 12, stoppedBy: 'time' });
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines.every((line) => Object.keys(JSON.parse(line)).join() === 'data,includes')).toBe(
      true,
    );
  });

  it('stops on a signal and keeps what it had', async () => {
    const controller = new AbortController();
    const out = join(dir, 'signal.jsonl');
    const progressed: string[] = [];
    const running = record({
      args: { source: 'sample', minutes: 10, out },
      env: env(),
      logger: silentLogger,
      progress: (text) => void progressed.push(text),
      progressEveryMs: 0,
      signal: controller.signal,
    });
    await waitFor(
      () => progressed.some((text) => text.startsWith('recorded 40 lines')),
      'every post recorded',
    );
    controller.abort();
    expect(await running).toMatchObject({ lines: 40, stoppedBy: 'signal' });
  });

  it('runs as a command and fails with exit code 1 when the token is refused', async () => {
    const run = promisify(execFile);
    const out = join(dir, 'cli.jsonl');
    const result = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/record.ts',
        '--source',
        'sample',
        // Stopped by the post count, not by the clock: a busy machine sends 40 posts slowly.
        '--minutes',
        '1',
        '--max-posts',
        '40',
        '--out',
        out,
      ],
      {
        env: { ...process.env, ...env() },
      },
    );
    expect(result.stderr).toMatch(/done: 40 lines/);
    const refused = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/record.ts',
        '--source',
        'sample',
        '--minutes',
        '1',
        '--out',
        out,
      ],
      {
        env: { ...process.env, ...env(), X_BEARER_TOKEN: 'wrong' },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/401 Unauthorized: check X_BEARER_TOKEN/),
    });
    expect(refused.stderr).not.toContain(MOCK_TOKEN);
  });
});
