import { FrozenSummary } from './frozen-summary';
import { SpaceSaving } from './space-saving';
import type { SpaceSavingColumns } from './space-saving-columns';
import type { SummaryAggregate } from './summary-aggregate';

export interface PaneBuilderSnapshot {
  originMs: number | null;
  open: { index: number; summary: SpaceSavingColumns<string>; posts: number } | null;
}

/** One pane of batches being filled: its index, its summary and its posts so far. */
export interface OpenPane {
  index: number;
  summary: SpaceSaving<string>;
  posts: number;
}

/**
 * A pane after its last batch: its summary frozen once, the same object for every window that
 * holds it (the windows of one pane stream share their closed panes, in memory and checkpoints).
 */
export interface ClosedPane {
  index: number;
  aggregate: SummaryAggregate;
}

/**
 * Cuts batches into panes of `paneMs` (a multiple of the batch interval) and summarises each
 * pane's hashtag counts with Space-Saving of `capacity` counters. Panes are aligned on the
 * stream's start (`originMs`, the first batch time minus one interval), so a pane's last batch
 * ends exactly on a multiple of `paneMs` after it: pane k holds the batches with times in
 * (origin + (k − 1)·paneMs, origin + k·paneMs].
 */
export class PaneBuilder {
  private originMs: number | undefined;
  private open: OpenPane | undefined;

  constructor(
    private readonly paneMs: number,
    private readonly batchIntervalMs: number,
    private readonly capacity: number,
  ) {}

  /**
   * Adds one batch's distinct `[key, count]` pairs and posts. Returns the pane this batch
   * closed (the previous one, when the batch starts a new pane), frozen, else undefined.
   */
  addBatch(batchTime: number, counts: [string, number][], posts: number): ClosedPane | undefined {
    this.originMs ??= batchTime - this.batchIntervalMs;
    const index = Math.ceil((batchTime - this.originMs) / this.paneMs);
    let closed: ClosedPane | undefined;
    if (this.open === undefined || this.open.index !== index) {
      if (this.open !== undefined) closed = closePane(this.open);
      this.open = { index, summary: new SpaceSaving<string>(this.capacity), posts: 0 };
    }
    const { summary } = this.open;
    for (let i = 0; i < counts.length; i++) summary.offer(counts[i]![0], counts[i]![1]);
    this.open.posts += posts;
    return closed;
  }

  snapshot(): PaneBuilderSnapshot {
    const open = this.open;
    return {
      originMs: this.originMs ?? null,
      open: open
        ? { index: open.index, summary: open.summary.toColumns(), posts: open.posts }
        : null,
    };
  }

  /** Loads a `snapshot()` into this fresh builder; throws on malformed input. */
  restore(snapshot: PaneBuilderSnapshot): void {
    const open = snapshot.open;
    this.open = open
      ? { index: open.index, summary: SpaceSaving.fromColumns(open.summary), posts: open.posts }
      : undefined;
    this.originMs = snapshot.originMs ?? undefined;
  }

  /** The pane the last batch went into (partial until its last batch). */
  get current(): OpenPane | undefined {
    return this.open;
  }
}

function closePane(pane: OpenPane): ClosedPane {
  return {
    index: pane.index,
    aggregate: { summary: FrozenSummary.of(pane.summary), posts: pane.posts },
  };
}
