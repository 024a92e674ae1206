import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock';
import { StreamingContext } from '../streaming-context';
import type { ArrivalCombiner, BatchInfo, Checkpoint } from '../types';

/** Word counts of a batch, folded as the words arrive; `folds` counts every call to `add`. */
interface WordCounts {
  batchTime: number;
  counts: Map<string, number>;
}

function wordCounter(log: string[] = []): ArrivalCombiner<string, WordCounts> & { folds: number } {
  return {
    folds: 0,
    open: (batchTime) => {
      log.push(`open ${batchTime}`);
      return { batchTime, counts: new Map() };
    },
    add(accumulator, word, batchTime) {
      this.folds++;
      if (word === 'boom') throw new Error('bad word');
      log.push(`add ${word} @${batchTime}`);
      accumulator.counts.set(word, (accumulator.counts.get(word) ?? 0) + 1);
    },
    save: (accumulator) => ({ batchTime: accumulator.batchTime, counts: [...accumulator.counts] }),
    load: (saved, batchTime) => {
      log.push(`load ${batchTime}`);
      const { counts } = saved as { counts: [string, number][] };
      return { batchTime, counts: new Map(counts) };
    },
  };
}

function createJob(combiner: ArrivalCombiner<string, WordCounts>, maxItemsPerBatch = 100) {
  const clock = new ManualClock(0);
  const context = new StreamingContext({ batchIntervalMs: 1000, clock });
  const words = context.pushStream<string>({ maxItemsPerBatch });
  const combined: { time: number; value: [string, number][] }[] = [];
  const raw: { time: number; value: string[] }[] = [];
  words.combineOnArrival(combiner).foreachBatch((items, time) => {
    combined.push({ time, value: items.flatMap((item) => [...item.counts]) });
  });
  words.foreachBatch((items, time) => raw.push({ time, value: [...items] }));
  const infos: BatchInfo[] = [];
  context.onBatchCompleted((info) => infos.push(info));
  return { clock, context, words, combined, raw, infos };
}

describe('arrival stage (combineOnArrival)', () => {
  it('folds each item into the open batch when it is pushed, and yields the result when the batch runs', async () => {
    const combiner = wordCounter();
    const { clock, context, words, combined, raw } = createJob(combiner);
    context.start();
    words.push('a');
    words.push('b');
    words.push('a');
    expect(combiner.folds).toBe(3);
    expect(combined).toEqual([]);
    await clock.advance(1000);
    await clock.advance(1000);
    expect(combined).toEqual([
      {
        time: 1000,
        value: [
          ['a', 2],
          ['b', 1],
        ],
      },
      { time: 2000, value: [] },
    ]);
    expect(raw).toEqual([
      { time: 1000, value: ['a', 'b', 'a'] },
      { time: 2000, value: [] },
    ]);
  });

  it('folds items pushed after a batch ran into the next one, never the batch that ran (a late item is kept)', async () => {
    const log: string[] = [];
    const { clock, context, words, combined } = createJob(wordCounter(log));
    context.start();
    words.push('a');
    await clock.advance(1000);
    words.push('late');
    await clock.advance(1000);
    expect(log).toEqual(['open 1000', 'add a @1000', 'open 2000', 'add late @2000']);
    expect(combined.map((batch) => batch.time)).toEqual([1000, 2000]);
    expect(combined[1]!.value).toEqual([['late', 1]]);
  });

  it('keeps items pushed before the batch is known waiting until it opens, in push order', async () => {
    const log: string[] = [];
    const { clock, context, words, combined } = createJob(wordCounter(log));
    words.push('x');
    words.push('y');
    expect(log).toEqual([]);
    context.start();
    expect(log).toEqual(['open 1000', 'add x @1000', 'add y @1000']);
    await clock.advance(1000);
    expect(combined).toEqual([
      {
        time: 1000,
        value: [
          ['x', 1],
          ['y', 1],
        ],
      },
    ]);
  });

  it('does not fold items dropped at the bound, and counts them', async () => {
    const combiner = wordCounter();
    const { clock, context, words, combined, infos } = createJob(combiner, 2);
    context.start();
    expect(['a', 'b', 'c'].map((word) => words.push(word))).toEqual([true, true, false]);
    await clock.advance(1000);
    expect(combiner.folds).toBe(2);
    expect(combined).toEqual([
      {
        time: 1000,
        value: [
          ['a', 1],
          ['b', 1],
        ],
      },
    ]);
    expect(infos.map((info) => [info.numRecords, info.droppedRecords])).toEqual([[2, 1]]);
  });

  it('continues from a checkpoint taken in the middle of a batch with exactly the uninterrupted output', async () => {
    const whole = createJob(wordCounter());
    whole.context.start();
    for (const word of ['a', 'b', 'a', 'c']) whole.words.push(word);
    await whole.clock.advance(2000);

    const before = createJob(wordCounter());
    before.context.start();
    before.words.push('a');
    before.words.push('b');
    const checkpoint = JSON.parse(JSON.stringify(before.context.checkpoint())) as Checkpoint;
    before.context.stop();

    const log: string[] = [];
    const after = createJob(wordCounter(log));
    after.context.restore(checkpoint);
    after.context.start();
    after.words.push('a');
    after.words.push('c');
    await after.clock.advance(2000);
    expect(after.combined).toEqual(whole.combined);
    expect(log).toEqual(['load 1000', 'add a @1000', 'add c @1000', 'open 2000']);
  });

  it('reports a throw from the combiner on its batch, skips that batch and goes on', async () => {
    const { clock, context, words, combined, infos } = createJob(wordCounter());
    context.start();
    expect(words.push('a')).toBe(true);
    expect(words.push('boom')).toBe(true);
    words.push('b');
    await clock.advance(1000);
    words.push('c');
    await clock.advance(1000);
    expect(infos.map((info) => (info.error as Error | undefined)?.message)).toEqual([
      'bad word',
      undefined,
    ]);
    expect(combined).toEqual([{ time: 2000, value: [['c', 1]] }]);
  });

  it('refuses items once the context stops, and keeps the open batch for a last checkpoint', async () => {
    const combiner = wordCounter();
    const { context, words } = createJob(combiner);
    context.start();
    words.push('a');
    context.stop();
    expect(words.push('b')).toBe(false);
    expect(combiner.folds).toBe(1);
    const saved = context.checkpoint().streams.find((stream) => stream.state !== undefined);
    expect(saved?.state).toEqual({
      arrival: { batchTime: 1000, accumulator: { batchTime: 1000, counts: [['a', 1]] } },
    });
    const restored = createJob(wordCounter());
    restored.context.restore(context.checkpoint());
    restored.context.start();
    await restored.clock.advance(1000);
    expect(restored.combined).toEqual([{ time: 1000, value: [['a', 1]] }]);
  });

  it('accepts one combiner per push stream, before start', () => {
    const { context, words } = createJob(wordCounter());
    expect(() => words.combineOnArrival(wordCounter())).toThrow(/already has a combiner/);
    context.start();
    const clock = new ManualClock(0);
    const other = new StreamingContext({ batchIntervalMs: 1000, clock });
    const input = other.pushStream<string>();
    input.foreachBatch(() => undefined);
    other.start();
    expect(() => input.combineOnArrival(wordCounter())).toThrow(/before start/);
  });
});
