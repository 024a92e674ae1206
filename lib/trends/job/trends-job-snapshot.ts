import type { HeavyHittersWindowSnapshot } from '../sketches/heavy-hitters-window';
import type { PaneBuilderSnapshot } from '../sketches/pane-builder';
import type { TrendTrackerSnapshot } from '../trending/trend-tracker-snapshot';
import type { DisplaySpellingsSnapshot } from './display-spellings';
import type { PostDeduperSnapshot } from './post-deduper';
import type { TagHistorySnapshot } from '../history/tag-history-types';
import type { FilterStateSnapshot } from '../filters/filter-state';
import type { TagDetailSnapshot } from '../detail/detail-types';

/**
 * The job's state outside the engine, as plain data (arrays, typed arrays, numbers, strings,
 * null): what a checkpoint stores beside the engine's own. Each part is made and loaded by its
 * class's `snapshot()`/`restore()`, so their internals can change without this module knowing.
 */
export interface TrendsJobSnapshot {
  /** The job's windows, to refuse a snapshot of another configuration. */
  windowsMs: number[];
  deduper: PostDeduperSnapshot;
  spellings: DisplaySpellingsSnapshot;
  tracker: TrendTrackerSnapshot;
  panes: PaneBuilderSnapshot | null;
  heavyWindows: HeavyHittersWindowSnapshot[];
  lastSweepMs: number | null;
  /** The filter dimensions' panes; null when they are off (absent in older checkpoints). */
  filters?: FilterStateSnapshot | null;
  history: TagHistorySnapshot;
  /** Absent in checkpoints made before the detail was kept. */
  detail?: TagDetailSnapshot;
}
