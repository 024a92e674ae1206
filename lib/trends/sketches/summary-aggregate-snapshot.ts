import { FrozenSummary } from './frozen-summary';
import type { SpaceSavingColumns } from './space-saving-columns';
import type { SummaryAggregate } from './summary-aggregate';

/** A `SummaryAggregate` in a checkpoint. */
export interface SummaryAggregateSnapshot {
  summary: SpaceSavingColumns<string>;
  posts: number;
}

/**
 * Closed panes are shared by every heavy-hitters window (the same summary objects), so within
 * one snapshot each summary's columns are made once and the same object goes into every window's
 * snapshot: V8 serialises it once, keeping the shared reference, and the loader shares it again.
 * One saver per snapshot (nothing is retained between checkpoints).
 */
export function aggregateSaver(): (aggregate: SummaryAggregate) => SummaryAggregateSnapshot {
  const saved = new Map<FrozenSummary, SpaceSavingColumns<string>>();
  return (aggregate) => {
    let columns = saved.get(aggregate.summary);
    if (columns === undefined) {
      columns = aggregate.summary.toColumns();
      saved.set(aggregate.summary, columns);
    }
    return { summary: columns, posts: aggregate.posts };
  };
}

/** One loader per restore: columns shared in the snapshot become one shared summary again. */
export function aggregateLoader(): (saved: SummaryAggregateSnapshot) => SummaryAggregate {
  const loaded = new Map<SpaceSavingColumns<string>, FrozenSummary>();
  return (saved) => {
    if (!(saved.posts >= 0)) throw new TypeError('pane snapshot: posts must be a count');
    let summary = loaded.get(saved.summary);
    if (summary === undefined) {
      summary = FrozenSummary.fromColumns(saved.summary);
      loaded.set(saved.summary, summary);
    }
    return { summary, posts: saved.posts };
  };
}
