import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into lines (`\n` or `\r\n`), emitting each as a UTF-8 string in object
 * mode. Unlike `readline`, it bounds memory: a line longer than `maxLineBytes` keeps only its first
 * `maxLineBytes + 1` bytes, the rest is discarded as it arrives, and the cut line is emitted as is.
 * Because it is still longer than `maxLineBytes`, `parseStreamLine(raw, maxLineBytes)` rejects it
 * as `line too long` and the pipeline counts it like any other bad line.
 */
export class LineSplitter extends Transform {
  private parts: Buffer[] = [];
  private partBytes = 0;

  constructor(private readonly maxLineBytes: number) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.keep(chunk.subarray(start, end));
      this.emitLine();
      start = end + 1;
    }
    this.keep(chunk.subarray(start));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.partBytes > 0) this.emitLine();
    done();
  }

  /** Appends bytes to the current line, up to one byte past the limit. */
  private keep(bytes: Buffer): void {
    const room = this.maxLineBytes + 1 - this.partBytes;
    if (room <= 0 || bytes.length === 0) return;
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    // Copy: a subarray would pin the whole chunk in memory.
    this.parts.push(Buffer.from(kept));
    this.partBytes += kept.length;
  }

  private emitLine(): void {
    let line = Buffer.concat(this.parts, this.partBytes);
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) line = line.subarray(0, -1);
    this.parts = [];
    this.partBytes = 0;
    this.push(line.toString('utf8'));
  }
}
