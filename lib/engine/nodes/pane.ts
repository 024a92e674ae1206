import type { ReduceFn } from '../types';

/**
 * A reduced pane of a window: distinct keys and their values in parallel arrays. About a
 * quarter of the memory of `[key, value]` tuples, which matters for hour-long windows.
 */
export interface Pane<K, V> {
  keys: K[];
  values: V[];
}

/** Panes already made from a batch array, so windows over the same pane stream share them. */
const panesByBatch = new WeakMap<object, Pane<unknown, unknown>>();

/**
 * One pane for every empty batch: a quiet stream makes an empty batch every interval, and each
 * would otherwise cost a pane and a `WeakMap` entry. Panes are never mutated.
 */
const EMPTY_PANE: Pane<never, never> = Object.freeze({
  keys: Object.freeze([]) as never[],
  values: Object.freeze([]) as never[],
});

/** The pane of a batch of distinct-key pairs (shared between windows reading the same batch). */
export function paneOf<K, V>(pairs: [K, V][]): Pane<K, V> {
  if (pairs.length === 0) return EMPTY_PANE;
  const cached = panesByBatch.get(pairs) as Pane<K, V> | undefined;
  if (cached) return cached;
  const keys = new Array<K>(pairs.length);
  const values = new Array<V>(pairs.length);
  for (let index = 0; index < pairs.length; index++) {
    keys[index] = pairs[index][0];
    values[index] = pairs[index][1];
  }
  const pane = { keys, values };
  panesByBatch.set(pairs, pane);
  return pane;
}

/** Folds several panes into one by key with `fn`; one pane is returned as is. */
export function combinePanes<K, V>(panes: Pane<K, V>[], fn: ReduceFn<V>): Pane<K, V> {
  if (panes.length === 1) return panes[0];
  const combined = new Map<K, V>();
  for (const pane of panes) foldPaneInto(combined, pane, fn);
  return { keys: Array.from(combined.keys()), values: Array.from(combined.values()) };
}

export function foldPaneInto<K, V>(into: Map<K, V>, pane: Pane<K, V>, fn: ReduceFn<V>): void {
  const { keys, values } = pane;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index];
    const current = into.get(key);
    if (current === undefined && !into.has(key)) into.set(key, values[index]);
    else into.set(key, fn(current as V, values[index]));
  }
}
