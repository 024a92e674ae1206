import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { FixtureSource } from './fixture-source';
import type { FixtureSourceOptions } from './fixture-source';
import type { RealTime } from './real-time';
import type { TweetSink } from './types';

const BATCH_MS = 2000;
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'fixture-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function post(id: string, offsetMs: number, tags: string[] = ['a']): string {
  const created_at = new Date(T0 + offsetMs).toISOString();
  const hashtags = tags.map((tag) => ({ start: 0, end: tag.length + 1, tag }));
  return JSON.stringify({ data: { id, text: 'x', created_at, entities: { hashtags } } });
}

function writeFixture(name: string, lines: string[], gzip = false): string {
  const path = join(dir, name);
  const text = lines.join('\n') + '\n';
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

/** A sink that records what it is given and the clock time at which each line arrived. */
function recordingSink(onLine?: (raw: string) => void) {
  const advances: number[] = [];
  const lines: { raw: string; clockMs: number | undefined }[] = [];
  const sink: TweetSink = {
    line(raw) {
      lines.push({ raw, clockMs: advances.at(-1) });
      onLine?.(raw);
    },
    advanceTo: async (timeMs) => {
      advances.push(timeMs);
    },
  };
  return { sink, advances, lines };
}

/** Real time that only moves when the replay sleeps: a 1× replay runs instantly. */
function fakeRealTime(): RealTime & { slept: number[] } {
  let nowMs = 0;
  const slept: number[] = [];
  return {
    slept,
    nowMs: () => nowMs,
    sleep: async (ms) => {
      slept.push(ms);
      nowMs += ms;
    },
  };
}

async function replay(path: string, options: Partial<FixtureSourceOptions> = {}) {
  const recorded = recordingSink();
  const realTime = fakeRealTime();
  const source = new FixtureSource({
    path,
    speed: 'max',
    loop: false,
    drain: false,
    batchIntervalMs: BATCH_MS,
    realTime,
    ...options,
  });
  await source.start(recorded.sink);
  await source.finished();
  return { ...recorded, realTime, source };
}

/** The batch a line joins: the first batch boundary strictly after the clock. */
function batchOf(clockMs: number | undefined): number {
  return Math.floor((clockMs ?? 0) / BATCH_MS) * BATCH_MS + BATCH_MS;
}

const basic = writeFixture('basic.jsonl', [
  post('1', 100),
  post('2', 1900),
  post('3', 2000),
  post('4', 1500), // out of order: joins the current batch
  post('5', 9000),
  post('6', 9100),
]);

describe('FixtureSource', () => {
  it('advances the clock to each post time before delivering the post', async () => {
    const { lines } = await replay(basic);
    expect(lines.map((line) => line.clockMs! - T0)).toEqual([100, 1900, 2000, 2000, 9000, 9100]);
  });

  it('never moves the clock backwards for an out-of-order post', async () => {
    const { advances } = await replay(basic);
    expect(advances).toEqual([...advances].sort((a, b) => a - b));
    expect(advances).not.toContain(T0 + 1500);
  });

  it('puts every post in the same batch at 1x, 10x and max speed', async () => {
    const batches = async (speed: number | 'max') =>
      (await replay(basic, { speed })).lines.map((line) => batchOf(line.clockMs));
    const atMax = await batches('max');
    expect(await batches(1)).toEqual(atMax);
    expect(await batches(10)).toEqual(atMax);
    expect(atMax.map((batch) => batch - T0)).toEqual([2000, 2000, 4000, 4000, 10000, 10000]);
  });

  it('sleeps so that virtual time flows at the replay speed', async () => {
    const realElapsed = async (speed: number) => {
      const { realTime } = await replay(basic, { speed });
      return realTime.nowMs();
    };
    expect(await realElapsed(1)).toBeCloseTo(9000, 0);
    expect(await realElapsed(10)).toBeCloseTo(900, 0);
    expect((await replay(basic, { speed: 'max' })).realTime.slept).toEqual([]);
  });

  it('stops at every batch boundary between two posts far apart', async () => {
    const { advances } = await replay(basic, { speed: 1 });
    expect(advances.map((time) => time - T0)).toEqual([
      100, 1900, 2000, 4000, 6000, 8000, 9000, 9100,
    ]);
  });

  it('replays a gzip file like the plain one', async () => {
    const gzipped = writeFixture('basic.jsonl.gz', [post('1', 100), post('2', 5000)], true);
    const { lines } = await replay(gzipped);
    expect(lines.map((line) => JSON.parse(line.raw).data.id)).toEqual(['1', '2']);
  });

  it('hands bad lines to the sink and replays past them, a 10 MB line included', async () => {
    const path = writeFixture('bad.jsonl', [
      post('1', 100),
      '{not json',
      JSON.stringify({ data: { text: 'no id' } }),
      JSON.stringify({ data: { id: 'big', text: 'x'.repeat(10_000_000) } }),
      post('2', 3000),
    ]);
    const { lines } = await replay(path, { maxLineBytes: 1_000_000 });
    expect(lines).toHaveLength(5);
    expect(lines[1]!.raw).toBe('{not json');
    expect(lines[3]!.raw.length).toBe(1_000_001);
    expect(JSON.parse(lines[4]!.raw).data.id).toBe('2');
  });

  it('re-times each loop pass after the previous one and gives its posts fresh ids', async () => {
    const path = writeFixture('loop.jsonl', [post('1', 0), post('2', 5000), '{bad']);
    const recorded = recordingSink(() => {
      if (recorded.lines.length === 9) void source.stop();
    });
    const source = new FixtureSource({ path, speed: 'max', loop: true, batchIntervalMs: BATCH_MS });
    await source.start(recorded.sink);
    await source.finished();
    const posts = recorded.lines
      .filter((line) => line.raw !== '{bad')
      .map((line) => JSON.parse(line.raw).data);
    expect(posts.map((data) => data.id)).toEqual(['1', '2', '1-2', '2-2', '1-3', '2-3']);
    const offsets = posts.map((data) => Date.parse(data.created_at) - T0);
    // Each pass spans 5 s; the next starts one batch interval after it ends.
    expect(offsets).toEqual([0, 5000, 7000, 12000, 14000, 19000]);
    expect(recorded.lines[0]!.raw).toBe(post('1', 0));
  });

  it('keeps the clock running after the end so windows drain', async () => {
    const recorded = recordingSink();
    const realTime = fakeRealTime();
    const source = new FixtureSource({
      path: basic,
      speed: 'max',
      loop: false,
      batchIntervalMs: BATCH_MS,
      realTime: {
        nowMs: realTime.nowMs,
        sleep: async (ms) => {
          await realTime.sleep(ms);
          if (recorded.advances.length >= 10) void source.stop();
        },
      },
    });
    await source.start(recorded.sink);
    await source.finished();
    const last = recorded.advances.indexOf(T0 + 9100);
    const drained = recorded.advances.slice(last + 1).map((time) => time - T0);
    expect(drained.slice(0, 3)).toEqual([10000, 12000, 14000]);
    expect(realTime.slept.slice(1, 3)).toEqual([BATCH_MS, BATCH_MS]);
  });

  it('reports its speed, label and state', async () => {
    const source = new FixtureSource({
      path: basic,
      speed: 10,
      loop: false,
      batchIntervalMs: 2000,
    });
    expect(source.isReady()).toBe(false);
    expect(source.status()).toMatchObject({
      kind: 'fixture',
      speed: 10,
      label: 'replay 10×',
      connection: { state: 'connecting' },
    });
    await source.start(recordingSink().sink);
    expect(source.isReady()).toBe(true);
    expect(source.status().connection).toEqual({ state: 'live' });
    await source.stop();
    expect(source.isReady()).toBe(false);
    expect(source.status().connection.state).toBe('stopped');
  });

  it('labels a max-speed replay and marks its end', async () => {
    const { source } = await replay(basic, { speed: 'max' });
    expect(source.status().label).toBe('replay max · ended');
    expect(source.isReady()).toBe(true);
  });

  it('reports a corrupt gzip file as a stopped source with an error', async () => {
    const path = join(dir, 'corrupt.jsonl.gz');
    writeFileSync(
      path,
      Buffer.concat([gzipSync(post('1', 0) + '\n'), Buffer.from('garbage')]).subarray(0, 30),
    );
    const { source, lines } = await replay(path);
    expect(lines).toHaveLength(0);
    expect(source.isReady()).toBe(false);
    expect(source.status()).toMatchObject({ errors: 1, connection: { state: 'stopped' } });
  });

  it('rejects start when the file cannot be read', async () => {
    const source = new FixtureSource({
      path: join(dir, 'missing.jsonl'),
      speed: 'max',
      loop: false,
      batchIntervalMs: BATCH_MS,
    });
    await expect(source.start(recordingSink().sink)).rejects.toThrow(/ENOENT/);
  });
});
