/**
 * Real posts recorded from X by others (2,569 stream lines from public repositories, see the
 * folder's SOURCES.md), replayed through the real server at max speed: every post must be
 * counted. The data is not part of this repository: the test runs when `REAL_POSTS_DIR` or
 * `../shared/real-posts` (beside the repository) holds `real-posts.jsonl.gz`, and is skipped
 * with a message otherwise.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelPosts, windowCounts } from '../tests/support/fixture-counts';
import type { ModelPost } from '../tests/support/fixture-counts';
import { startFixtureServer } from '../tests/support/fixture-server';
import { waitFor } from '../tests/support/wait-for';
import type { TagstreamServer } from './create-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = process.env.REAL_POSTS_DIR ?? resolve(ROOT, '../shared/real-posts');
const FIXTURE = join(DIR, 'real-posts.jsonl.gz');
const LINES = 2569;
const DISTINCT_POSTS = 2568;
const BATCH_MS = 2000;

const missing = !existsSync(FIXTURE);
if (missing) {
  console.warn(
    `Real-posts replay skipped: no ${FIXTURE}. Set REAL_POSTS_DIR to the folder holding it.`,
  );
}

describe.skipIf(missing)('replaying real recorded posts', () => {
  let server: TagstreamServer;
  let base = '';
  let posts: ModelPost[];
  let lastBatch = 0;

  beforeAll(async () => {
    posts = modelPosts(FIXTURE, BATCH_MS);
    lastBatch = Math.max(...posts.map((post) => post.batchTime));
    ({ server, base } = await startFixtureServer(FIXTURE));
    await waitFor(
      () => (server.store.latest()?.batchTime ?? 0) >= lastBatch,
      'the replay reaching its last batch',
      { timeoutMs: 60_000, pollMs: 50 },
    );
  }, 90_000);

  afterAll(() => server?.close());

  it('counts every post: no bad line, the one redelivery once', () => {
    expect(posts).toHaveLength(DISTINCT_POSTS);
    expect(server.stats()).toMatchObject({ badLines: 0, duplicateTweets: LINES - DISTINCT_POSTS });
  });

  it('answers the hour window with every post and the hashtags of each', async () => {
    const response = await fetch(`${base}/api/trends?window=60m&limit=100`);
    const body = await response.json();
    expect(body.batchTime).toBe(lastBatch);
    const expected = windowCounts(posts, body.batchTime, 3_600_000);
    expect(body.tweets).toBe(DISTINCT_POSTS);
    expect(expected.tweets).toBe(DISTINCT_POSTS);
    expect(body.tags).toHaveLength(100);
    for (const tag of body.tags) {
      expect(tag.count - tag.error, tag.key).toBeLessThanOrEqual(expected.counts.get(tag.key)!);
      expect(tag.count, tag.key).toBeGreaterThanOrEqual(expected.counts.get(tag.key)!);
    }
    const lowest = body.tags.at(-1).count;
    const reported = new Set(body.tags.map((tag: { key: string }) => tag.key));
    for (const [key, count] of expected.counts) {
      if (count > lowest) expect(reported.has(key), key).toBe(true);
    }
  });
});
