import { ManualClock } from './clock/manual-clock';
import type { DStream } from './dstream';
import { StreamingContext } from './streaming-context';

/** One output of a stream: its batch time and the batch's items. */
export interface Emission<U> {
  time: number;
  value: U[];
}

/** Spark's suites use 1 s batches; so do the ports here. */
export const SECOND_MS = 1000;

/**
 * Spark's `testOperation`: feeds `input` (one array per batch) through `operation` on a
 * ManualClock started at 0, runs `numBatches` batches and returns every emission.
 */
export async function runOperation<T, U>(
  input: T[][],
  operation: (stream: DStream<T>) => DStream<U>,
  numBatches: number,
  batchIntervalMs = SECOND_MS,
): Promise<Emission<U>[]> {
  const clock = new ManualClock(0);
  const context = new StreamingContext({ batchIntervalMs, clock });
  const emissions: Emission<U>[] = [];
  operation(context.queueStream(input)).foreachBatch((items, time) => {
    emissions.push({ time, value: [...items] });
  });
  context.start();
  await clock.advance(numBatches * batchIntervalMs);
  context.stop();
  return emissions;
}

/** Emissions with each batch's items sorted, for operators whose order within a batch is free. */
export function sortedValues<U>(emissions: Emission<U>[]): Emission<U>[] {
  return emissions.map(({ time, value }) => ({ time, value: [...value].sort(compareItems) }));
}

export function compareItems(a: unknown, b: unknown): number {
  const left = JSON.stringify(a);
  const right = JSON.stringify(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
