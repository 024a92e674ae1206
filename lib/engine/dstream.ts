import { count } from './operators/count';
import { countByValue } from './operators/count-by-value';
import { countByValueAndWindow } from './operators/count-by-value-and-window';
import { countByWindow } from './operators/count-by-window';
import { filter } from './operators/filter';
import { flatMap } from './operators/flat-map';
import { foreachBatch } from './operators/foreach-batch';
import { map } from './operators/map';
import { reduce } from './operators/reduce';
import { declareReducedByKey, reduceByKey } from './operators/reduce-by-key';
import { reduceByKeyAndWindow } from './operators/reduce-by-key-and-window';
import { reduceByWindow } from './operators/reduce-by-window';
import { transform } from './operators/transform';
import { union } from './operators/union';
import { updateStateByKey } from './operators/update-state-by-key';
import { window } from './operators/window';
import type { ForeachBatchFn, ReduceFn, TransformFn, UpdateStateFn } from './types';
import type { StreamNode } from './nodes/node-types';

/**
 * A discretised stream: one batch (array) per valid batch time. Operators only define new
 * streams (checked at once, refused after `start()`); batches are computed when the context runs.
 * Pair operators exist on `DStream<[K, V]>` only. Batch arrays are shared: never mutate them.
 */
export class DStream<T> {
  /** @internal The stream's node in the context's graph. */
  constructor(readonly node: StreamNode<T>) {}

  /** Batch times of this stream are `zeroTime + k * slideMs`. */
  get slideMs(): number {
    return this.node.slideMs;
  }

  map<U>(fn: (item: T) => U): DStream<U> {
    return new DStream(map(this.node, fn));
  }

  flatMap<U>(fn: (item: T) => Iterable<U>): DStream<U> {
    return new DStream(flatMap(this.node, fn));
  }

  filter(predicate: (item: T) => boolean): DStream<T> {
    return new DStream(filter(this.node, predicate));
  }

  union(...others: DStream<T>[]): DStream<T> {
    return new DStream(union([this.node, ...others.map((other) => other.node)]));
  }

  transform<U>(fn: TransformFn<T, U>): DStream<U> {
    return new DStream(transform(this.node, fn));
  }

  count(): DStream<number> {
    return new DStream(count(this.node));
  }

  reduce(fn: ReduceFn<T>): DStream<T> {
    return new DStream(reduce(this.node, fn));
  }

  countByValue(): DStream<[T, number]> {
    return new DStream(countByValue(this.node));
  }

  window(windowMs: number, slideMs?: number): DStream<T> {
    return new DStream(window(this.node, windowMs, slideMs ?? this.node.slideMs));
  }

  countByWindow(windowMs: number, slideMs: number): DStream<number> {
    return new DStream(countByWindow(this.node, windowMs, slideMs));
  }

  reduceByWindow(fn: ReduceFn<T>, windowMs: number, slideMs: number): DStream<T>;
  reduceByWindow(
    fn: ReduceFn<T>,
    invFn: ReduceFn<T>,
    windowMs: number,
    slideMs: number,
  ): DStream<T>;
  reduceByWindow(
    fn: ReduceFn<T>,
    invFnOrWindowMs: ReduceFn<T> | number,
    windowOrSlideMs: number,
    slideMs?: number,
  ): DStream<T> {
    if (typeof invFnOrWindowMs === 'number') {
      return new DStream(
        reduceByWindow(this.node, fn, undefined, invFnOrWindowMs, windowOrSlideMs),
      );
    }
    return new DStream(
      reduceByWindow(this.node, fn, invFnOrWindowMs, windowOrSlideMs, slideMs as number),
    );
  }

  countByValueAndWindow(windowMs: number, slideMs?: number): DStream<[T, number]> {
    return new DStream(countByValueAndWindow(this.node, windowMs, slideMs ?? this.node.slideMs));
  }

  reduceByKey<K, V>(this: DStream<[K, V]>, fn: ReduceFn<V>): DStream<[K, V]> {
    return new DStream(reduceByKey(this.node, fn));
  }

  /**
   * This stream, declared to hold one pair per key in every batch, folded with `fn` (see
   * `declareReducedByKey`): its windows with `fn` skip a `reduceByKey` of their own.
   */
  alreadyReducedByKey<K, V>(this: DStream<[K, V]>, fn: ReduceFn<V>): DStream<[K, V]> {
    declareReducedByKey(this.node, fn);
    return this;
  }

  reduceByKeyAndWindow<K, V>(
    this: DStream<[K, V]>,
    fn: ReduceFn<V>,
    windowMs: number,
    slideMs?: number,
  ): DStream<[K, V]>;
  reduceByKeyAndWindow<K, V>(
    this: DStream<[K, V]>,
    fn: ReduceFn<V>,
    invFn: ReduceFn<V>,
    windowMs: number,
    slideMs?: number,
    filterFn?: (pair: [K, V]) => boolean,
  ): DStream<[K, V]>;
  reduceByKeyAndWindow<K, V>(
    this: DStream<[K, V]>,
    fn: ReduceFn<V>,
    invFnOrWindowMs: ReduceFn<V> | number,
    windowOrSlideMs?: number,
    slideMs?: number,
    filterFn?: (pair: [K, V]) => boolean,
  ): DStream<[K, V]> {
    const args =
      typeof invFnOrWindowMs === 'number'
        ? { fn, windowMs: invFnOrWindowMs, slideMs: windowOrSlideMs }
        : { fn, invFn: invFnOrWindowMs, windowMs: windowOrSlideMs as number, slideMs, filterFn };
    return new DStream(reduceByKeyAndWindow(this.node, args));
  }

  updateStateByKey<K, V, S>(this: DStream<[K, V]>, update: UpdateStateFn<V, S>): DStream<[K, S]> {
    return new DStream(updateStateByKey(this.node, update));
  }

  /** Registers an output: `fn(items, batchTime)` at each of this stream's batch times. */
  foreachBatch(fn: ForeachBatchFn<T>): void {
    foreachBatch(this.node, fn);
  }
}
