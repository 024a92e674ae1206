import { checkCapacity } from './space-saving-state';
import type { SpaceSavingCounter, SpaceSavingState } from './space-saving-state';

/** JSON form: counters as `[key, count, error]` triples to keep snapshots small. */
export interface SpaceSavingJson<K> {
  capacity: number;
  total: number;
  floor: number;
  counters: [K, number, number][];
}

export function stateToJson<K>(state: SpaceSavingState<K>): SpaceSavingJson<K> {
  return {
    capacity: state.capacity,
    total: state.total,
    floor: state.floor,
    counters: state.counters.map(({ key, count, error }) => [key, count, error]),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function counterFromJson<K>(triple: unknown, floor: number): SpaceSavingCounter<K> {
  if (!Array.isArray(triple) || triple.length !== 3) throw new TypeError('counter is not a triple');
  const [key, count, error] = triple as [K, unknown, unknown];
  if (!isCount(count) || !isCount(error) || error > count || count < floor) {
    throw new TypeError('counter needs 0 <= error <= count and count >= floor');
  }
  return { key, count, error };
}

/**
 * Checks a value made by `toJSON` (after a round trip through `JSON.stringify`/`parse`) and
 * returns its state; throws a `TypeError` or `RangeError` naming the first problem. Keys are
 * taken as they are: they must have been JSON values that compare equal after a round trip
 * (strings or numbers).
 */
export function stateFromJson<K>(json: unknown): SpaceSavingState<K> {
  if (typeof json !== 'object' || json === null) throw new TypeError('not an object');
  const { capacity, total, floor, counters } = json as Partial<SpaceSavingJson<unknown>>;
  checkCapacity(capacity as number);
  if (!isCount(total) || !isCount(floor)) throw new TypeError('total and floor must be counts');
  if (!Array.isArray(counters) || counters.length > capacity!) {
    throw new TypeError('counters must be an array of at most capacity entries');
  }
  const parsed = counters.map((triple) => counterFromJson<K>(triple, floor));
  if (new Set(parsed.map((counter) => counter.key)).size !== parsed.length) {
    throw new TypeError('counters repeat a key');
  }
  return { capacity: capacity!, total, floor, counters: parsed };
}
