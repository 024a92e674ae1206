/**
 * What this instance shows: the newest batch result it has recorded in its store, whoever
 * computed it. A result is recorded only when its batch is newer than the one shown, so a
 * successor that restored a checkpoint and runs again batches shown before never moves the
 * dashboards back. The one exception is a successor replaying a fixture: a replay starts its
 * timeline over, so a higher fencing token with an older batch empties the store and the new
 * replay is shown from its first batch.
 */
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { InMemoryTrendStore } from '../ingestion/trend-store';

export class ShownResults {
  /** The highest token of a result shown. */
  private shownToken = 0;

  constructor(
    private readonly store: InMemoryTrendStore,
    /** A newer batch is in the store. */
    private readonly onBatch: () => void,
  ) {}

  /** Records `result` unless a batch as new is shown; `replay`: it comes from a fixture replay. */
  show(result: TrendsBatchResult, token: number, replay: boolean): void {
    const shown = this.store.latest()?.batchTime ?? -Infinity;
    if (result.batchTime <= shown) {
      if (!(replay && token > this.shownToken)) return;
      this.store.restore({ latest: null, batches: [] });
    }
    this.shownToken = Math.max(this.shownToken, token);
    this.store.record(result);
    this.onBatch();
  }
}
