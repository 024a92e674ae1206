import { StreamNodeBase } from '../nodes/stream-node-base';
import type { StreamNode } from '../nodes/node-types';
import type { ArrivalCombiner } from '../types';
import type { PushInputNode } from './push-input-node';

/**
 * The stream of a push input's arrival stage: one item per batch, the accumulator its items were
 * folded into as they arrived. Eager, so every batch closes its accumulator whoever reads it. A
 * throw from the combiner fails this stream's batch: the outputs it reaches are skipped and the
 * batch reports the error, as when a transform throws.
 */
class CombinedOnArrivalNode<C> extends StreamNodeBase<C> {
  constructor(private readonly input: PushInputNode<unknown>) {
    super(input.graph, {
      kind: 'combineOnArrival',
      parents: [input],
      slideMs: input.slideMs,
      eager: true,
    });
  }

  protected compute(batchTime: number): C[] {
    const closed = this.input.takeCombined(batchTime);
    if (closed === undefined) return [];
    if (closed.failure !== undefined) throw closed.failure.error;
    return [closed.accumulator as C];
  }
}

/** Registers `combiner` on `input` and returns the stream of its per-batch accumulators. */
export function combinedOnArrival<T, C>(
  input: PushInputNode<T>,
  combiner: ArrivalCombiner<T, C>,
): StreamNode<C> {
  input.graph.register('combineOnArrival');
  input.combineOnArrival(combiner);
  return new CombinedOnArrivalNode<C>(input as PushInputNode<unknown>);
}
