import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchInput } from './bench-input';
import { writeBenchFixture } from './bench-fixture';
import { serverPathVariant } from './variant-server-path';

const BATCH_MS = 2000;

describe('the server path variant', () => {
  const removals: (() => void)[] = [];
  afterAll(() => removals.forEach((remove) => remove()));

  it('counts every post of a dense replay, the last batch included', async () => {
    // 25,000 posts at 10,000 a second: 2.5 s of virtual time, so the last batch holds a fifth
    // of the posts and a replay that leaves it unrun cannot pass for complete.
    const input = generateBenchInput(25_000, 10_000, 42);
    const fixture = await writeBenchFixture(input);
    removals.push(fixture.remove);
    const variant = serverPathVariant(input, fixture.path, BATCH_MS, 0);
    await variant.setUp!();
    const { batchMs, release } = await variant.run();
    release();
    const firstBatch = Math.floor(input.startMs / BATCH_MS);
    const lastBatch = Math.floor(input.endMs / BATCH_MS);
    expect(batchMs).toHaveLength(lastBatch - firstBatch + 1);
  });
});
