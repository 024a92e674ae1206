/**
 * What the job serves beside its result, batch by batch, on generated input, fixed as hashes (as
 * `trends-job-results.test.ts` does for the result): the filter dimensions (the cell counts of
 * each batch, the languages of each window, every window and the trending lists under four
 * filters), the detail of the listed tags (latest posts, related tags) and the job's checkpoint
 * at the end. A change that alters any of them on normal input fails here, part by part.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatedInputWithBadLines } from '@/tests/support/generated-input';
import { replayJob } from '@/tests/support/replay-job';
import type { ViewFilter } from '@/lib/view-filters';
import type { TrendsBatchResult } from '../types';
import type { TrendsJob } from './trends-job';
import type { TrendsJobSettings } from './trends-options';

const START_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
const FILTERS: ViewFilter[] = [
  { lang: 'en' },
  { originalsOnly: true },
  { lang: 'pt', originalsOnly: true },
  { lang: 'es' },
];

type Part = 'cells' | 'filteredViews' | 'detail' | 'checkpoint';
type PartHashes = Record<Part, ReturnType<typeof createHash>>;

/** Typed arrays as plain arrays, so that a checkpoint hashes by value. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    ArrayBuffer.isView(item) ? Array.from(item as unknown as ArrayLike<number>) : item,
  );
}

function addBatch(hashes: PartHashes, result: TrendsBatchResult, job: TrendsJob): void {
  const { batchTime } = result;
  hashes.cells.update(
    stableJson([
      batchTime,
      result.filteredBatchCounts,
      result.windows.map((window) => window.languages),
    ]),
  );
  const views = job.filteredViews()!;
  for (const filter of FILTERS) {
    hashes.filteredViews.update(
      stableJson([batchTime, views.windows(filter), views.trending(filter, result)]),
    );
  }
  const keys = new Set(result.trending.map((tag) => tag.key));
  for (const window of result.windows) for (const tag of window.top.slice(0, 5)) keys.add(tag.key);
  for (const key of [...keys].sort()) {
    const related = result.windows.map((window) =>
      job.detail.relatedOf(key, window.windowMs, batchTime),
    );
    hashes.detail.update(stableJson([batchTime, key, job.detail.postsOf(key), related]));
  }
}

async function viewHashes(
  seed: number,
  minutes: number,
  tweetsPerSec: number,
  settings: TrendsJobSettings,
): Promise<Record<Part, string>> {
  const lines = generatedInputWithBadLines({ seed, startMs: START_MS, minutes, tweetsPerSec });
  const hashes: PartHashes = {
    cells: createHash('sha256'),
    filteredViews: createHash('sha256'),
    detail: createHash('sha256'),
    checkpoint: createHash('sha256'),
  };
  const job = await replayJob(lines, settings, (result, job) => addBatch(hashes, result, job));
  hashes.checkpoint.update(stableJson(job.snapshot()));
  const digest = (part: Part) => hashes[part].digest('hex').slice(0, 16);
  return {
    cells: digest('cells'),
    filteredViews: digest('filteredViews'),
    detail: digest('detail'),
    checkpoint: digest('checkpoint'),
  };
}

describe('the views beside the trends job on generated input', () => {
  it('gives the same filtered views, detail and checkpoint with the default windows', async () => {
    expect(await viewHashes(7, 16, 15, {})).toEqual({
      cells: 'a9167a56564de58d',
      filteredViews: 'c144be351561b833',
      detail: 'f2aeec8265a22963',
      checkpoint: 'a0ba3110d72ad724',
    });
  }, 180_000);

  it('gives the same with small bounds, so that keys are cut and counters evicted', async () => {
    const settings: TrendsJobSettings = {
      windowsMs: [10_000, 60_000, 300_000, 900_000],
      heavyHittersFromMs: 300_000,
      heavyHittersCapacity: 120,
      maxExactWindowKeys: 150,
      topN: 20,
      seriesTagsPerBatch: 40,
      trending: { maxTrackedKeys: 300, minPosts: 3, minAuthors: 2 },
      detail: { maxTags: 30, maxRelatedUnits: 400, postsPerTag: 5 },
    };
    expect(await viewHashes(11, 20, 10, settings)).toEqual({
      cells: '6915c9f31495098e',
      filteredViews: '0296814afb9015f1',
      detail: '75791ae6544d8187',
      checkpoint: '36812e823ab63397',
    });
  }, 180_000);
});
