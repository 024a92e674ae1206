import { SpaceSaving } from './space-saving';
import type { SpaceSavingColumns } from './space-saving-columns';
import type { SummaryAggregate } from './summary-aggregate';

/** A `SummaryAggregate` in a checkpoint. */
export interface SummaryAggregateSnapshot {
  summary: SpaceSavingColumns<string>;
  posts: number;
}

export function saveAggregate(aggregate: SummaryAggregate): SummaryAggregateSnapshot {
  return { summary: aggregate.summary.toColumns(), posts: aggregate.posts };
}

export function loadAggregate(saved: SummaryAggregateSnapshot): SummaryAggregate {
  if (!(saved.posts >= 0)) throw new TypeError('pane snapshot: posts must be a count');
  return { summary: SpaceSaving.fromColumns(saved.summary), posts: saved.posts };
}
