import type { Logger } from 'pino';
import { InlineChunkParser } from './chunk-parser';
import type { ChunkParser } from './chunk-parser';
import { ParsePool } from './parse-pool';

/** `workers` parse threads, or this thread alone when 0. */
export function createChunkParser(
  workers: number,
  maxLineBytes: number,
  logger?: Logger,
): ChunkParser {
  return workers > 0
    ? new ParsePool(workers, maxLineBytes, logger)
    : new InlineChunkParser(maxLineBytes);
}
