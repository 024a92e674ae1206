import { afterEach, describe, expect, it } from 'vitest';
import { ParsePool } from './parse-pool';
import { parseChunk } from '../sources/fixture/parse-chunk';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');

function chunkOf(first: number, count: number): Uint8Array {
  const lines: string[] = [];
  for (let index = first; index < first + count; index++) {
    const created_at = new Date(T0 + index).toISOString();
    // Every third post a retweet of the one before: its retweeted id must come back too.
    const referenced_tweets =
      index % 3 === 2 ? [{ type: 'retweeted', id: `${index - 1}` }] : undefined;
    const text = `#Tag${index % 7} #x`;
    lines.push(JSON.stringify({ data: { id: `${index}`, text, created_at, referenced_tweets } }));
    if (index % 10 === 0) lines.push('{not json', '', JSON.stringify({ data: { text: 'no id' } }));
  }
  return Buffer.from(lines.join('\r\n') + '\n');
}

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('ParsePool', () => {
  it('parses chunks on worker threads exactly as on this thread, in order', async () => {
    pool = new ParsePool(2, 1_000_000);
    const chunks = Array.from({ length: 6 }, (_, index) => chunkOf(index * 100, 100));
    const expected = chunks.map((chunk) => parseChunk(chunk, 1_000_000));
    const parsed = await Promise.all(chunks.map((chunk) => pool!.parse([chunk.slice()])));
    expect(parsed).toStrictEqual(expected);
    expect(parsed[0]!.filter((line) => line.kind === 'bad')).toHaveLength(20);
    expect(pool.stats).toEqual({ chunksOnWorkers: 6, chunksHere: 0, restarts: 0 });
  });

  it('replaces a worker that dies and loses none of its chunks, bad lines included', async () => {
    pool = new ParsePool(1, 1_000_000);
    const chunks = Array.from({ length: 8 }, (_, index) => chunkOf(index * 50, 50));
    const expected = chunks.map((chunk) => parseChunk(chunk, 1_000_000));
    const dying = pool.workers[0]!;
    const parsing = chunks.map((chunk) => pool!.parse([chunk]));
    // Killed with chunks in flight, as a crash would.
    await dying.terminate();
    expect(await Promise.all(parsing)).toStrictEqual(expected);
    expect(pool.workers[0]).not.toBe(dying);
    expect(pool.stats).toEqual({ chunksOnWorkers: 8, chunksHere: 0, restarts: 1 });
    // The new worker goes on taking chunks.
    expect(await pool.parse([chunkOf(1000, 3)])).toStrictEqual(
      parseChunk(chunkOf(1000, 3), 1_000_000),
    );
  });

  it('parses here, still in order, when workers cannot run at all', async () => {
    pool = new ParsePool(1, 1_000_000);
    // Every replacement dies too, as when the worker module cannot load.
    for (let death = 0; death < 5; death++) await pool.workers[0]!.terminate();
    const chunks = [chunkOf(0, 20), chunkOf(20, 20)];
    const parsed = await Promise.all(chunks.map((chunk) => pool!.parse([chunk])));
    expect(parsed).toStrictEqual(chunks.map((chunk) => parseChunk(chunk, 1_000_000)));
    expect(pool.stats.chunksHere).toBe(2);
  });

  it('rejects chunks after close', async () => {
    pool = new ParsePool(1, 1_000_000);
    await pool.close();
    await expect(pool.parse([chunkOf(0, 1)])).rejects.toThrow(/closed/);
  });
});
