import { StreamNodeBase, batchOf } from '../nodes/stream-node-base';
import type { UpdateStateFn } from '../types';
import type { StreamNode } from '../nodes/node-types';

/**
 * Spark's StateDStream: at every batch, `update(values, state)` runs for each key that has new
 * values or a state (values empty when it has none); `undefined` removes the key. Emits every
 * key's state. All updates are computed before any is applied, so a throw leaves the state as
 * it was before the batch (that batch's values are then lost).
 */
class StateNode<K, V, S> extends StreamNodeBase<[K, S]> {
  private state = new Map<K, S>();

  constructor(
    private readonly parent: StreamNode<[K, V]>,
    private readonly update: UpdateStateFn<V, S>,
  ) {
    super(parent.graph, {
      kind: 'updateStateByKey',
      parents: [parent],
      slideMs: parent.slideMs,
      eager: true,
    });
  }

  protected compute(batchTime: number): [K, S][] {
    const grouped = groupValues(batchOf(this.parent, batchTime));
    const next = new Map<K, S>();
    for (const [key, previous] of this.state) {
      const values = grouped.get(key);
      const updated = this.update(values ?? [], previous);
      if (updated !== undefined) next.set(key, updated);
    }
    for (const [key, values] of grouped) {
      if (this.state.has(key)) continue;
      const updated = this.update(values, undefined);
      if (updated !== undefined) next.set(key, updated);
    }
    this.state = next;
    return Array.from(next);
  }

  /** The state as `[key, state]` entries. */
  protected override snapshotState(): [K, S][] {
    return Array.from(this.state);
  }

  protected override restoreState(state: unknown): void {
    this.state = new Map(state as [K, S][]);
  }
}

function groupValues<K, V>(pairs: [K, V][]): Map<K, V[]> {
  const grouped = new Map<K, V[]>();
  for (let index = 0; index < pairs.length; index++) {
    const [key, value] = pairs[index];
    const values = grouped.get(key);
    if (values === undefined) grouped.set(key, [value]);
    else values.push(value);
  }
  return grouped;
}

export function updateStateByKey<K, V, S>(
  parent: StreamNode<[K, V]>,
  update: UpdateStateFn<V, S>,
): StreamNode<[K, S]> {
  return new StateNode(parent, update);
}
