/**
 * Splits a byte stream into lines, whatever the chunking: a multi-byte character cut between
 * chunks is decoded whole (a `StringDecoder` keeps the partial bytes) and a line whose `\r\n`
 * arrives alone, or in pieces, is still one line. twitter-api-v2 1.29 gets both wrong (it decodes
 * each chunk apart and takes a chunk that is exactly `\r\n` for a keep-alive), hence this reader.
 */
import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE_BYTES } from '@/lib/trends/parsing/parse-line';

export interface StreamLineHandlers {
  /** One complete line without its terminator (`\n` or `\r\n`); never empty. */
  line(text: string): void;
  /** A blank line: the stream's keep-alive heartbeat. */
  keepAlive?(): void;
}

export interface StreamLineReader {
  push(chunk: Buffer | string): void;
  /** Drops an unterminated tail (a line cut by a dropped connection is not a line); returns it. */
  discardTail(): string;
}

export function createStreamLineReader(
  handlers: StreamLineHandlers,
  /**
   * A longer line (a broken server that never sends `\n`) is cut here, not kept whole: the
   * parser's byte limit, which it rejects anyway, as a character is at least one byte.
   */
  maxLineChars = MAX_LINE_BYTES,
): StreamLineReader {
  const decoder = new StringDecoder('utf8');
  let pending = '';

  const emit = (rawLine: string): void => {
    const text = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (text.trim() === '') handlers.keepAlive?.();
    else handlers.line(text);
  };

  return {
    push(chunk) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        emit(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      // Cut: the cut line fails to parse downstream and is counted there as a bad line.
      if (pending.length > maxLineChars) {
        handlers.line(pending.slice(0, maxLineChars));
        pending = '';
      }
    },
    discardTail() {
      const tail = pending + decoder.end();
      pending = '';
      return tail;
    },
  };
}
