import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock';
import { StreamingContext } from '../streaming-context';

function createContext() {
  const clock = new ManualClock(0);
  return { clock, context: new StreamingContext({ batchIntervalMs: 1000, clock }) };
}

describe('StreamingContext.transform', () => {
  it('gives one function the batches of several streams at the same time, in order', async () => {
    const { clock, context } = createContext();
    const words = context.queueStream([['a', 'bb'], [], ['ccc']]);
    const lengths = words.map((word) => word.length);
    const totals = lengths.reduce((a, b) => a + b);
    const seen: { time: number; value: string[] }[] = [];
    context
      .transform([words, totals], ([batchWords, batchTotals], batchTime) => [
        `${batchTime}: ${batchWords.join('+')} = ${batchTotals[0] ?? 0}`,
      ])
      .foreachBatch((value, time) => seen.push({ time, value: [...value] }));
    context.start();
    await clock.advance(3000);
    expect(seen).toEqual([
      { time: 1000, value: ['1000: a+bb = 3'] },
      { time: 2000, value: ['2000:  = 0'] },
      { time: 3000, value: ['3000: ccc = 3'] },
    ]);
  });

  it('refuses streams of different slides or of another context', () => {
    const { context } = createContext();
    const numbers = context.queueStream([[1]]);
    expect(() => context.transform([numbers, numbers.window(4000, 2000)], () => [])).toThrow(
      /same slide/,
    );
    const other = createContext().context.queueStream([[1]]);
    expect(() => context.transform([numbers, other], () => [])).toThrow(/this StreamingContext/);
  });
});
