/**
 * A follower's readers over the holder's shared views (`SharedViewsPayload`): the same shapes
 * the holder's job answers with (`TagDetail.postsOf`/`relatedOf`, `FilteredViews.windows`/
 * `trending`), so the routes and the sockets answer alike on every instance.
 */
import type { RelatedCounts } from '@/lib/trends/detail/detail-types';
import { filterId } from '@/lib/trends/filters/filter-cells';
import type { ViewFilter } from '@/lib/view-filters';
import type { DetailReader } from '../detail/detail-answers';
import type { FilterViews } from '../sockets/hub-messages';
import type { SharedFilterView, SharedTagDetail, SharedViewsPayload } from './shared-views';

const NOTHING_KEPT: RelatedCounts = { related: [], posts: 0, countedSinceMs: null, missed: 0 };

/** The payload indexed by tag and by filter. */
export class SharedViewsIndex {
  readonly batchTime: number;
  private readonly details = new Map<string, SharedTagDetail>();
  private readonly filters = new Map<string, SharedFilterView>();

  constructor(payload: SharedViewsPayload) {
    this.batchTime = payload.batchTime;
    for (const detail of payload.details) this.details.set(detail.key, detail);
    for (const view of payload.filters) this.filters.set(filterId(view.filter), view);
  }

  /**
   * A reader of `key`'s detail, when shared (and, with `relatedWindowMs`, its related tags in
   * that window); undefined otherwise.
   */
  detail(key: string, relatedWindowMs?: number): DetailReader | undefined {
    const shared = this.details.get(key);
    if (shared === undefined) return undefined;
    if (relatedWindowMs !== undefined && !shared.relatedWindowsMs.includes(relatedWindowMs))
      return undefined;
    const windows = new Map(shared.windows);
    return {
      postsOf: (asked) => (asked === key ? shared.posts : []),
      relatedOf: (asked, windowMs) =>
        (asked === key ? windows.get(windowMs) : undefined) ?? NOTHING_KEPT,
    };
  }

  /** The numbers under `filter`, when shared; undefined otherwise. */
  filter(filter: ViewFilter): FilterViews | undefined {
    const shared = this.filters.get(filterId(filter));
    if (shared === undefined) return undefined;
    return {
      windows: () => shared.windows,
      trending: () => ({ trending: shared.trending, cooling: shared.cooling }),
    };
  }
}
