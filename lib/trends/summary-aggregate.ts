import { SpaceSaving } from './space-saving';

/**
 * A Space-Saving summary of some panes with what a window needs beside it: the posts of those
 * panes and `bound`, the most a key the summary does not monitor can have been counted (a full
 * summary's smallest count, else the sum of its inputs' bounds; 0 for a pane built by offers).
 */
export interface SummaryAggregate {
  summary: SpaceSaving<string>;
  bound: number;
  posts: number;
}

export function paneAggregate(summary: SpaceSaving<string>, posts: number): SummaryAggregate {
  return { summary, bound: unmonitoredBound(summary, 0), posts };
}

/** Both aggregates merged (Agarwal et al.); the inputs are not modified. */
export function mergeAggregates(
  older: SummaryAggregate,
  newer: SummaryAggregate,
  capacity: number,
): SummaryAggregate {
  const summary = SpaceSaving.merge([older.summary, newer.summary], capacity);
  return {
    summary,
    bound: unmonitoredBound(summary, older.bound + newer.bound),
    posts: older.posts + newer.posts,
  };
}

/** `floor` when the summary has room left, else its smallest count. */
export function unmonitoredBound(summary: SpaceSaving<string>, floor: number): number {
  if (summary.size < summary.capacity) return floor;
  let smallest = Infinity;
  for (const counter of summary.entries()) if (counter.count < smallest) smallest = counter.count;
  return smallest;
}
