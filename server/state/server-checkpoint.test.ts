import { describe, expect, it } from 'vitest';
import { captureServerState, restoreServerState } from './server-checkpoint';
import { checkpointWith, feedLines, testIngest } from './test-support';

/** A checkpoint as a live source's server would have made it, its last batch at `lastBatch`. */
async function liveCheckpoint() {
  const ingest = testIngest();
  const lastBatch = await feedLines(ingest, 600);
  const bytes = await checkpointWith(ingest, { timeMode: 'arrival' });
  return { ingest, lastBatch, bytes };
}

describe('restoreServerState', () => {
  it('resumes a live source at the current time, the batches missed while down empty', async () => {
    const { ingest, lastBatch, bytes } = await liveCheckpoint();
    const live = testIngest('20s,1m', 'arrival');
    const outcome = await restoreServerState(bytes, live, lastBatch + 7_500);
    expect(outcome).toMatchObject({ restored: true, skippedBatches: 3 });
    expect(live.pipeline.lastBatchTime).toBe(lastBatch + 6_000);
    // What was counted before the stop stays counted (until it leaves the windows).
    expect(live.store.latest()).toEqual(ingest.store.latest());
  });

  it('starts empty, without calling the checkpoint bad, when it is older than the longest window', async () => {
    const { lastBatch, bytes } = await liveCheckpoint();
    const live = testIngest('20s,1m', 'arrival');
    expect(await restoreServerState(bytes, live, lastBatch + 60_000)).toEqual({
      restored: false,
      bad: false,
      reason: 'checkpoint is 60 s old, older than the longest window (60 s)',
    });
    expect(live.store.latest()).toBeUndefined();
  });

  it('refuses a fixture replay checkpoint for a live source', async () => {
    const ingest = testIngest();
    await feedLines(ingest, 100);
    const live = testIngest('20s,1m', 'arrival');
    expect(await restoreServerState(await captureServerState(ingest), live)).toMatchObject({
      restored: false,
      bad: true,
      reason: 'checkpoint made in virtual time, this source runs in arrival time',
    });
  });
});
