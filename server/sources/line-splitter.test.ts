import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

async function split(chunks: (string | Buffer)[], maxLineBytes = 100): Promise<string[]> {
  const splitter = Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(
    new LineSplitter(maxLineBytes),
  );
  const lines: string[] = [];
  for await (const line of splitter) lines.push(line as string);
  return lines;
}

describe('LineSplitter', () => {
  it('splits on \\n and \\r\\n and keeps a last line without terminator', async () => {
    expect(await split(['a\r\nb\n', '\r\nc'])).toEqual(['a', 'b', '', 'c']);
  });

  it('joins a line split across chunks, multi-byte characters included', async () => {
    const bytes = Buffer.from('#日本語\n');
    expect(await split([bytes.subarray(0, 3), bytes.subarray(3)])).toEqual(['#日本語']);
  });

  it('cuts a line longer than the limit to limit + 1 bytes and goes on', async () => {
    const lines = await split(['x'.repeat(60), 'y'.repeat(60), 'z'.repeat(60) + '\nnext\n'], 100);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveLength(101);
    expect(lines[1]).toBe('next');
  });
});
