import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LineSplitter } from './line-splitter';

/** True when the file starts with the gzip magic bytes 1f 8b; rejects when it cannot be read. */
export async function isGzip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await file.close();
  }
}

/**
 * The file's lines, streamed (gunzipped when `gzip`) and cut at `maxLineBytes + 1` bytes; aborting
 * `signal` closes the file and makes the iterator throw.
 */
export function openLines(
  path: string,
  gzip: boolean,
  maxLineBytes: number,
  signal: AbortSignal,
): AsyncIterable<string> {
  const splitter = new LineSplitter(maxLineBytes);
  const input = createReadStream(path, { signal });
  // `pipeline` destroys every stream on error, so the splitter's iterator throws it.
  const done = () => undefined;
  if (gzip) pipeline(input, createGunzip(), splitter, done);
  else pipeline(input, splitter, done);
  return splitter;
}
