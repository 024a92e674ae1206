import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamLineReader } from './stream-line-reader';

function collect(chunks: (Buffer | string)[], maxLineChars?: number) {
  const lines: string[] = [];
  let keepAlives = 0;
  const splitter = createStreamLineReader(
    { line: (text) => lines.push(text), keepAlive: () => (keepAlives += 1) },
    maxLineChars,
  );
  for (const chunk of chunks) splitter.push(chunk);
  return { lines, keepAlives, tail: splitter.discardTail() };
}

/** Cuts `bytes` at the given (sorted, deduplicated) offsets. */
function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const points = [...new Set(offsets.map((offset) => offset % (bytes.length + 1)))].sort(
    (a, b) => a - b,
  );
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  return pieces;
}

describe('createStreamLineReader', () => {
  it('gives the same lines for any chunking of a UTF-8 byte stream', () => {
    const line = fc
      .string({ unit: 'binary', minLength: 1 })
      .map((text) => text.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(
        fc.array(
          line.filter((text) => text.trim() !== ''),
          { maxLength: 8 },
        ),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.boolean(),
        (lines, offsets, crlf) => {
          const bytes = Buffer.from(
            lines.map((text) => text + (crlf ? '\r\n' : '\n')).join(''),
            'utf8',
          );
          const result = collect(cut(bytes, offsets));
          expect(result.lines).toEqual(lines);
          expect(result.tail).toBe('');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a line whose \\r\\n arrives alone, and the line after it', () => {
    const result = collect(['{"data":1}', '\r\n', '{"data":2}\r', '\n']);
    expect(result.lines).toEqual(['{"data":1}', '{"data":2}']);
  });

  it('decodes a character split across chunks whole', () => {
    const bytes = Buffer.from('#日本語 🐈\r\n', 'utf8');
    const result = collect([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    expect(result.lines).toEqual(['#日本語 🐈']);
  });

  it('reports blank lines as keep-alives, not lines', () => {
    const result = collect(['\r\n', '\r\n{"a":1}\r\n', '\n']);
    expect(result).toEqual({ lines: ['{"a":1}'], keepAlives: 3, tail: '' });
  });

  it('hands back an unterminated tail instead of a line', () => {
    const result = collect(['{"data":1}\r\n{"data":', Buffer.from([0xe6, 0x97])]);
    expect(result.lines).toEqual(['{"data":1}']);
    expect(result.tail.startsWith('{"data":')).toBe(true);
  });

  it('cuts a line that never ends at the limit', () => {
    const result = collect(['x'.repeat(30), 'y'.repeat(30)], 50);
    expect(result.lines).toEqual(['x'.repeat(30) + 'y'.repeat(20)]);
  });
});
