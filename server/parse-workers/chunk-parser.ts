import type { CountedLine } from '@/lib/trends/parsing/parse-timed-line';
import { parseChunkParts } from '../sources/fixture/parse-chunk';

/** Parses chunks of whole lines (as `LineChunker` cuts them), on this thread or elsewhere. */
export interface ChunkParser {
  /** The chunk's lines, keep-alives left out, in order. Never rejects before `close`. */
  parse(parts: Uint8Array[]): Promise<CountedLine[]>;
  /** How many chunks a reader should keep in flight to keep every thread busy. */
  readonly concurrency: number;
  /** Releases threads; chunks still in flight reject. */
  close(): Promise<void>;
}

/** Parses each chunk here, synchronously: `PARSE_WORKERS=0`. */
export class InlineChunkParser implements ChunkParser {
  readonly concurrency = 1;

  constructor(private readonly maxLineBytes: number) {}

  parse(parts: Uint8Array[]): Promise<CountedLine[]> {
    // In place: packing the pieces into one buffer would copy the whole chunk.
    return Promise.resolve(parseChunkParts(parts, this.maxLineBytes));
  }

  async close(): Promise<void> {}
}
