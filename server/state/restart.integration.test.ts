/**
 * The real server with a live source (the sample stream of the mock X API): stopped, then started
 * again on the same state directory, it goes on from its checkpoint.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockXApi } from '../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../scripts/mock-x-api/mock-x-api';
import { MOCK_TOKEN } from '../../scripts/mock-x-api/test-support';
import { waitFor } from '../../tests/support/wait-for';
import { loadConfig } from '../config';
import { createTagstreamServer } from '../create-server';
import type { TagstreamServer } from '../create-server';
import { recordingLogger } from './test-support';

let directory = '';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function startServer(posts: number) {
  const mock: MockXApi = await startMockXApi({ bearerToken: MOCK_TOKEN, streamPostCount: posts });
  cleanups.push(() => mock.close());
  const config = loadConfig({
    TWEET_SOURCE: 'sample',
    X_BEARER_TOKEN: MOCK_TOKEN,
    X_API_BASE_URL: mock.url,
    X_BACKOFF_SCALE: '0.001',
    BATCH_INTERVAL_MS: '200',
    WINDOWS: '1m',
    PORT: '0',
    HOST: '127.0.0.1',
    STATE_DIR: directory,
    CHECKPOINT_INTERVAL_MS: '600000',
    NODE_ENV: 'test',
  } as NodeJS.ProcessEnv);
  const { logger, lines } = recordingLogger();
  const server: TagstreamServer = createTagstreamServer({ config, logger, next: false });
  cleanups.push(() => server.close());
  await server.listen();
  return { server, lines };
}

const windowOf = (server: TagstreamServer) => server.store.latest()?.windows[0];

describe('a live server restarted on its state directory', () => {
  it('keeps what it counted before the stop', async () => {
    directory = await mkdtemp(join(tmpdir(), 'tagstream-restart-'));
    const first = await startServer(60);
    await waitFor(() => windowOf(first.server)?.tweets === 60, '60 posts counted');
    const before = windowOf(first.server)!;
    await first.server.close();
    expect(await readdir(directory)).toEqual(['checkpoint.tgst']);
    expect(first.lines.some((line) => line.msg === 'checkpoint saved at shutdown')).toBe(true);

    const second = await startServer(0);
    const restoredLine = second.lines.find((line) => /^restored the checkpoint/.test(line.msg));
    expect(restoredLine).toBeDefined();
    const firstBatchAfter = second.server.store.latest()!.batchTime;
    await waitFor(
      () => (second.server.store.latest()?.batchTime ?? 0) > firstBatchAfter,
      'a batch after the restart',
    );
    expect(windowOf(second.server)!.tweets).toBe(60);
    expect(windowOf(second.server)!.top).toEqual(before.top);
  });
});
