import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock';
import { StreamingContext } from '../streaming-context';
import type { BatchInfo } from '../types';

function createContext(batchIntervalMs = 1000) {
  const clock = new ManualClock(0);
  return { clock, context: new StreamingContext({ batchIntervalMs, clock }) };
}

describe('StreamingContext backpressure', () => {
  it('drops items beyond maxItemsPerBatch and counts them in the batch metrics', async () => {
    const { clock, context } = createContext(1000);
    const input = context.pushStream<number>({ maxItemsPerBatch: 3 });
    const batches: number[][] = [];
    input.foreachBatch((items) => batches.push([...items]));
    const infos: BatchInfo[] = [];
    context.onBatchCompleted((info) => infos.push(info));
    context.start();
    const accepted = [1, 2, 3, 4, 5].map((item) => input.push(item));
    await clock.advance(1000);
    input.push(6);
    await clock.advance(1000);
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(batches).toEqual([[1, 2, 3], [6]]);
    expect(infos.map((info) => [info.numRecords, info.droppedRecords])).toEqual([
      [3, 2],
      [1, 0],
    ]);
  });

  it('turns maxRatePerSec into a per-batch bound', () => {
    const { context } = createContext(2000);
    expect(context.pushStream({ maxRatePerSec: 5 }).maxItemsPerBatch).toBe(10);
    expect(context.pushStream({ maxRatePerSec: 5, maxItemsPerBatch: 4 }).maxItemsPerBatch).toBe(4);
  });
});
