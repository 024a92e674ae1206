import type { NodeCheckpoint } from '../types';
import type { StreamGraphContract, StreamNode } from './node-types';

/** Marks a batch whose computation threw: asking for it again rethrows instead of recomputing. */
class FailedBatch {
  constructor(readonly error: unknown) {}
}

export interface NodeSpec {
  kind: string;
  parents: readonly StreamNode<unknown>[];
  slideMs: number;
  params?: Record<string, number>;
  parentLookbackMs?: number;
  eager?: boolean;
}

/**
 * Base of every stream: validity of batch times and the per-time memo (Spark's
 * `generatedRDDs`), so a stream computes a batch at most once however many children read it.
 */
export abstract class StreamNodeBase<T> implements StreamNode<T> {
  readonly id: number;
  readonly kind: string;
  readonly params: Record<string, number>;
  readonly parents: readonly StreamNode<unknown>[];
  readonly slideMs: number;
  readonly parentLookbackMs: number;
  readonly eager: boolean;
  rememberMs = 0;
  protected readonly memo = new Map<number, T[] | FailedBatch>();

  constructor(
    readonly graph: StreamGraphContract,
    spec: NodeSpec,
  ) {
    this.id = graph.register(spec.kind);
    this.kind = spec.kind;
    this.parents = spec.parents;
    this.slideMs = spec.slideMs;
    this.params = spec.params ?? {};
    this.parentLookbackMs = spec.parentLookbackMs ?? 0;
    this.eager = spec.eager ?? false;
    graph.add(this);
  }

  /** Computes the batch at a valid `batchTime`; only called once per time. */
  protected abstract compute(batchTime: number): T[];

  isTimeValid(batchTime: number): boolean {
    const zeroTime = this.graph.zeroTime;
    if (zeroTime === undefined || batchTime <= zeroTime) return false;
    return (batchTime - zeroTime) % this.slideMs === 0;
  }

  getOrCompute(batchTime: number): T[] | undefined {
    if (!this.isTimeValid(batchTime)) return undefined;
    const cached = this.memo.get(batchTime);
    if (cached instanceof FailedBatch) throw cached.error;
    if (cached !== undefined) return cached;
    try {
      const items = this.compute(batchTime);
      this.memo.set(batchTime, items);
      return items;
    } catch (error) {
      this.memo.set(batchTime, new FailedBatch(error));
      throw error;
    }
  }

  forgetBefore(batchTime: number): void {
    const horizon = batchTime - this.rememberMs;
    for (const time of this.memo.keys()) {
      if (time <= horizon) this.memo.delete(time);
    }
  }

  checkpointState(): NodeCheckpoint {
    const memo: [number, unknown[]][] = [];
    for (const [time, items] of this.memo) {
      if (!(items instanceof FailedBatch)) memo.push([time, items]);
    }
    const state = this.snapshotState();
    return state === undefined ? { id: this.id, memo } : { id: this.id, memo, state };
  }

  restore(snapshot: NodeCheckpoint): void {
    this.memo.clear();
    for (const [time, items] of snapshot.memo) this.memo.set(time, items as T[]);
    this.restoreState(snapshot.state);
  }

  /** Operator state to checkpoint (JSON-serialisable), if any. */
  protected snapshotState(): unknown {
    return undefined;
  }

  protected restoreState(_state: unknown): void {}
}

/** Typed access to a parent's batch; undefined when the time is not valid for the parent. */
export function batchOf<T>(parent: StreamNode<T>, batchTime: number): T[] {
  return parent.getOrCompute(batchTime) ?? [];
}
