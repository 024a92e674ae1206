import { describe, expect, it } from 'vitest';
import { captureServerState, restoreServerState } from './server-checkpoint';
import type { ServerState } from './server-checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';
import { checkpointWith, feedLines, testIngest } from './test-support';

/**
 * `bytes` as another version of the job would have written them: its stream graph has one
 * stream less (the state of each stream is the engine's, the rest as it was).
 */
async function withOtherJobGraph(bytes: Uint8Array, change?: (state: ServerState) => void) {
  const { header, state } = await decodeCheckpoint(bytes);
  const server = state as ServerState;
  server.pipeline.engine.graph.pop();
  server.pipeline.engine.streams.pop();
  change?.(server);
  return encodeCheckpoint(header, server);
}

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

  describe('a checkpoint of another version of the job', () => {
    it('gives a live source its history and series, with empty windows and the time down as a gap', async () => {
      const { ingest, lastBatch, bytes } = await liveCheckpoint();
      const live = testIngest('20s,1m', 'arrival');
      const outcome = await restoreServerState(
        await withOtherJobGraph(bytes),
        live,
        lastBatch + 7_500,
      );
      expect(outcome).toMatchObject({ restored: false, bad: true, keptHistory: true });
      expect(live.pipeline.lastBatchTime).toBeUndefined();
      expect(live.store.latest()).toEqual(ingest.store.latest());
      const kept = live.pipeline.history.snapshot();
      const original = ingest.pipeline.history.snapshot();
      expect(kept.minutes).toEqual(original.minutes);
      expect(kept.tracked).toEqual(original.tracked);
      expect(kept.gaps).toEqual([...original.gaps, [lastBatch, lastBatch + 7_500]]);
    });

    it('is refused whole for a replay, which goes on from its last batch or not at all', async () => {
      const ingest = testIngest();
      await feedLines(ingest, 300);
      const replay = testIngest();
      const bytes = await withOtherJobGraph(await captureServerState(ingest));
      const outcome = await restoreServerState(bytes, replay);
      expect(outcome).toMatchObject({ restored: false, bad: true });
      expect(outcome).not.toHaveProperty('keptHistory');
      expect(replay.store.latest()).toBeUndefined();
      expect(replay.pipeline.history.snapshot().minutes).toEqual([]);
    });

    it('is refused whole, the store untouched, when its history does not load either', async () => {
      const { lastBatch, bytes } = await liveCheckpoint();
      const live = testIngest('20s,1m', 'arrival');
      const broken = await withOtherJobGraph(bytes, (state) => {
        state.pipeline.job.history.openKeys.push('orphan');
      });
      const outcome = await restoreServerState(broken, live, lastBatch + 7_500);
      expect(outcome).toMatchObject({ restored: false, bad: true });
      expect(outcome).not.toHaveProperty('keptHistory');
      expect(live.store.latest()).toBeUndefined();
      expect(live.pipeline.history.snapshot().minutes).toEqual([]);
    });
  });
});
