import type { EncodedLines } from './timed-lines-codec';

/** Main thread → parse worker: one chunk of whole lines, its buffer transferred. */
export interface ParseRequest {
  jobId: number;
  bytes: Uint8Array;
  maxLineBytes: number;
}

/** Parse worker → main thread: the chunk's lines, keep-alives left out. */
export interface ParseReply {
  jobId: number;
  encoded: EncodedLines;
}
