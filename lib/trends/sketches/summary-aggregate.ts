import { FrozenSummary } from './frozen-summary';

/** A frozen Space-Saving summary of some panes and the posts of those panes. */
export interface SummaryAggregate {
  summary: FrozenSummary;
  posts: number;
}

/** Both aggregates merged (Agarwal et al.); the inputs are not modified. */
export function mergeAggregates(
  older: SummaryAggregate,
  newer: SummaryAggregate,
  capacity: number,
): SummaryAggregate {
  return {
    summary: FrozenSummary.merge([older.summary, newer.summary], capacity),
    posts: older.posts + newer.posts,
  };
}
