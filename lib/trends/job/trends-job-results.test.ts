/**
 * The job's results, batch by batch, on generated input (bursts, 0.2 % redelivered duplicates,
 * malformed lines), fixed as hashes: a change to how a batch's result is assembled, or to any
 * bound, that alters a single count, spelling, score or rank on normal input fails here. Each
 * part of the result has its own hash, so a failure names what changed. A change of results that
 * is meant (a new score, say) updates the hashes: the failure prints the new ones.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatedInputWithBadLines } from '@/tests/support/generated-input';
import { replayJob } from '@/tests/support/replay-job';
import type { TrendsBatchResult } from '../types';
import type { TrendsJobSettings } from './trends-options';

const START_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

interface Scenario {
  name: string;
  seed: number;
  minutes: number;
  tweetsPerSec: number;
  settings: TrendsJobSettings;
  expected: Record<keyof PartHashes, string>;
}

type PartHashes = Record<
  'batches' | 'exactWindows' | 'heavyWindows' | 'trending',
  ReturnType<typeof createHash>
>;

/** Every field of a result, part by part, in a fixed order (independent of object key order). */
function addBatch(hashes: PartHashes, result: TrendsBatchResult): void {
  const { batchTime } = result;
  const tagCounts = (tags: TrendsBatchResult['batchCounts']) =>
    tags.map((tag) => [tag.key, tag.tag, tag.count, tag.error]);
  hashes.batches.update(
    JSON.stringify([
      batchTime,
      result.batchTweets,
      result.duplicates,
      tagCounts(result.batchCounts),
    ]),
  );
  for (const window of result.windows) {
    const part = window.approximate ? hashes.heavyWindows : hashes.exactWindows;
    part.update(
      JSON.stringify([
        batchTime,
        window.label,
        window.windowMs,
        window.tweets,
        tagCounts(window.top),
      ]),
    );
  }
  // The lists as they are (their fields change with the score; the hash follows).
  hashes.trending.update(
    JSON.stringify([
      batchTime,
      result.trending,
      result.cooling ?? null,
      result.trendWarmUpEndsMs ?? null,
    ]),
  );
}

async function resultHashes(scenario: Scenario): Promise<Record<keyof PartHashes, string>> {
  const durationMs = scenario.minutes * 60_000;
  const lines = generatedInputWithBadLines({
    seed: scenario.seed,
    startMs: START_MS,
    minutes: scenario.minutes,
    tweetsPerSec: scenario.tweetsPerSec,
  });
  const hashes: PartHashes = {
    batches: createHash('sha256'),
    exactWindows: createHash('sha256'),
    heavyWindows: createHash('sha256'),
    trending: createHash('sha256'),
  };
  let batches = 0;
  await replayJob(lines, scenario.settings, (result) => {
    batches++;
    addBatch(hashes, result);
  });
  expect(batches).toBeGreaterThan((durationMs / 2_000) * 0.9);
  return {
    batches: hashes.batches.digest('hex').slice(0, 16),
    exactWindows: hashes.exactWindows.digest('hex').slice(0, 16),
    heavyWindows: hashes.heavyWindows.digest('hex').slice(0, 16),
    trending: hashes.trending.digest('hex').slice(0, 16),
  };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'default windows over 62 minutes (heavy panes never fill)',
    seed: 7,
    minutes: 62,
    tweetsPerSec: 5,
    settings: {},
    expected: {
      batches: '837f0d1fa8327bae',
      exactWindows: '560755b360f05b14',
      heavyWindows: '669b16731164621b',
      trending: '23681bc5d06ca3c8',
    },
  },
  {
    name: 'small summaries and trend bounds, so evictions happen',
    seed: 11,
    minutes: 20,
    tweetsPerSec: 10,
    settings: {
      windowsMs: [10_000, 60_000, 300_000, 900_000],
      heavyHittersFromMs: 300_000,
      heavyHittersCapacity: 120,
      topN: 20,
      seriesTagsPerBatch: 40,
      trending: { maxTrackedKeys: 300, minPosts: 3, minAuthors: 2 },
    },
    expected: {
      batches: '0cacfe123aeaaf34',
      exactWindows: '6e9fe2d6d19ab9e6',
      heavyWindows: '704b39ac22f64fb6',
      trending: 'dd6762ee681a5fa5',
    },
  },
];

describe('the trends job on generated input', () => {
  for (const scenario of SCENARIOS) {
    it(`gives the same results batch by batch: ${scenario.name}`, async () => {
      expect(await resultHashes(scenario)).toEqual(scenario.expected);
    }, 180_000);
  }
});
