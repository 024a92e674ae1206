import type { CountedLine } from '@/lib/trends/parsing/parse-timed-line';
import { parseChunkParts } from '../sources/fixture/parse-chunk';

/** Parses chunks of whole lines (as `LineChunker` cuts them), on this thread or elsewhere. */
export interface ChunkParser {
  /** The chunk's lines, keep-alives left out, in order. Never rejects before `close`. */
  parse(parts: Uint8Array[]): Promise<CountedLine[]>;
  /** The same lines, parsed on the caller's thread now (while the parser's threads are behind). */
  parseHere(parts: Uint8Array[]): CountedLine[];
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
    return Promise.resolve(this.parseHere(parts));
  }

  parseHere(parts: Uint8Array[]): CountedLine[] {
    // In place: packing the pieces into one buffer would copy the whole chunk.
    return parseChunkParts(parts, this.maxLineBytes);
  }

  async close(): Promise<void> {}
}
