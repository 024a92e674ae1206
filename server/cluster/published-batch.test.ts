import { describe, expect, it } from 'vitest';
import { engineStats, sourceStatus } from '@/lib/client/test-factories';
import { parsePublishedBatch, publishedBatchFields } from './published-batch';
import type { PublishedBatch } from './published-batch';

const batch: PublishedBatch = {
  token: 7,
  result: {
    batchTime: 4000,
    batchTweets: 3,
    duplicates: 0,
    batchCounts: [{ key: 'café', tag: 'Café', count: 2, error: 0 }],
    windows: [],
    trending: [],
    cooling: [],
    trendWarmUpEndsMs: null,
  },
  stats: engineStats(),
  source: sourceStatus(),
};

describe('published batches', () => {
  it('read back exactly what was published', () => {
    expect(parsePublishedBatch(publishedBatchFields(batch))).toEqual(batch);
  });

  it('are refused when a field is missing or not what was published', () => {
    const fields = publishedBatchFields(batch);
    expect(parsePublishedBatch({ payload: fields.payload! })).toBeUndefined();
    expect(parsePublishedBatch({ token: 'x', payload: fields.payload! })).toBeUndefined();
    expect(parsePublishedBatch({ token: '7', payload: '{"result":' })).toBeUndefined();
    expect(parsePublishedBatch({ token: '7', payload: '{"result":{}}' })).toBeUndefined();
  });
});
