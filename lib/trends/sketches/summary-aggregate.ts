import { SpaceSaving } from './space-saving';

/** A Space-Saving summary of some panes and the posts of those panes. */
export interface SummaryAggregate {
  summary: SpaceSaving<string>;
  posts: number;
}

/** Both aggregates merged (Agarwal et al.); the inputs are not modified. */
export function mergeAggregates(
  older: SummaryAggregate,
  newer: SummaryAggregate,
  capacity: number,
): SummaryAggregate {
  return {
    summary: SpaceSaving.merge([older.summary, newer.summary], capacity),
    posts: older.posts + newer.posts,
  };
}
