/**
 * What the lease holder publishes after each batch: the job's result and the figures the
 * dashboard shows beside it, tagged with the holder's fencing token. Plain JSON.
 */
import type { EngineStats, SourceStatus } from '@/lib/protocol';
import type { TrendsBatchResult } from '@/lib/trends/types';

export interface PublishedBatch {
  token: number;
  result: TrendsBatchResult;
  stats: EngineStats;
  source: SourceStatus;
}

/** Reads one stream entry's fields back; undefined when they are not a published batch. */
export function parsePublishedBatch(fields: Record<string, string>): PublishedBatch | undefined {
  const token = Number(fields.token);
  if (!Number.isSafeInteger(token) || fields.payload === undefined) return undefined;
  try {
    const payload = JSON.parse(fields.payload) as Omit<PublishedBatch, 'token'>;
    if (typeof payload?.result?.batchTime !== 'number') return undefined;
    return { token, result: payload.result, stats: payload.stats, source: payload.source };
  } catch {
    return undefined;
  }
}

export function publishedBatchFields(batch: PublishedBatch): Record<string, string> {
  const { result, stats, source } = batch;
  return { token: String(batch.token), payload: JSON.stringify({ result, stats, source }) };
}
