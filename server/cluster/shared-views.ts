/**
 * The views only the holder's job can build, for what the instances ask (`ViewDemand`): the
 * detail of the asked tags (latest posts, related tags) and the numbers under the asked filters.
 * The holder writes them after each batch into one Redis hash (the latest kept, so a starting
 * instance has them at once), fenced by its token like the checkpoint, and before that batch's
 * result enters the results stream (same connection, so Redis applies them in that order): an
 * instance that reads the views when it gets the batch finds that batch's views. gzip'd JSON.
 */
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { RESP_TYPES } from 'redis';
import type { RelatedCounts, StoredPost } from '@/lib/trends/detail/detail-types';
import type { TagDetail } from '@/lib/trends/detail/tag-detail';
import type { FilteredViews } from '@/lib/trends/filters/filtered-views';
import type { TrendingTag, TrendsBatchResult, WindowResult } from '@/lib/trends/types';
import type { ViewFilter } from '@/lib/view-filters';
import type { RedisClient } from './redis-connection';
import type { ViewDemand } from './view-demand';
import { FENCED_BLOB_WRITE } from './fenced-write-script';

/** Related tags shared per (tag, window): the routes' largest `limit`. */
export const SHARED_RELATED_LIMIT = 100;

/** One asked tag's detail at the batch. */
export interface SharedTagDetail {
  key: string;
  /** Newest first, as kept (at most `DETAIL_POSTS_LIMIT`). */
  posts: StoredPost[];
  /**
   * `[windowMs, counts]` for every window: `posts`, `countedSinceMs` and `missed` always (the
   * summary's counts), `related` (at most `SHARED_RELATED_LIMIT`) for the windows asked only.
   */
  windows: [number, RelatedCounts][];
  /** The windows whose `related` is shared. */
  relatedWindowsMs: number[];
}

/** The latest result's windows and trending lists under one asked filter. */
export interface SharedFilterView {
  filter: ViewFilter;
  windows: WindowResult[];
  trending: TrendingTag[];
  cooling: TrendingTag[];
}

export interface SharedViewsPayload {
  batchTime: number;
  details: SharedTagDetail[];
  filters: SharedFilterView[];
}

/**
 * What the holder's job offers to build the views from: its detail as it is now (not a copy),
 * so the views are of the job's newest batch, `result`.
 */
export interface HolderViewSources {
  result: TrendsBatchResult;
  detail: Pick<TagDetail, 'postsOf' | 'relatedOf'>;
  filteredViews: Pick<FilteredViews, 'windows' | 'trending' | 'batchTime'> | undefined;
  windowsMs: readonly number[];
}

/** The views of `demand` at `result`'s batch. */
export function buildSharedViews(
  demand: ViewDemand,
  sources: HolderViewSources,
): SharedViewsPayload {
  const { result } = sources;
  const { batchTime } = result;
  const details = demand.details.map(([key, asked]): SharedTagDetail => {
    const relatedWindowsMs = sources.windowsMs.filter((windowMs) => asked.includes(windowMs));
    const windows = sources.windowsMs.map((windowMs): [number, RelatedCounts] => {
      const counts = sources.detail.relatedOf(key, windowMs, batchTime);
      const related = relatedWindowsMs.includes(windowMs)
        ? counts.related.slice(0, SHARED_RELATED_LIMIT)
        : [];
      return [windowMs, { ...counts, related }];
    });
    return { key, posts: [...sources.detail.postsOf(key)], windows, relatedWindowsMs };
  });
  const views = sources.filteredViews;
  const lists = { trending: result.trending, cooling: result.cooling ?? [] };
  const filters =
    views === undefined || views.batchTime !== batchTime
      ? []
      : demand.filters.map(([filter]) => ({
          filter,
          windows: views.windows(filter),
          ...views.trending(filter, lists),
        }));
  return { batchTime, details, filters };
}

export class SharedViewsStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: { views: string; fence: string },
  ) {}

  /**
   * Writes `payload` as the holder with `token`. The command is sent before this returns (the
   * compression is synchronous), so a command sent after it on the same client follows it.
   * Resolves false when a later holder exists. Returns the bytes written too (for the figures).
   */
  write(payload: SharedViewsPayload, token: number): { sent: Promise<boolean>; bytes: number } {
    const bytes = gzipSync(JSON.stringify(payload), { level: constants.Z_BEST_SPEED });
    const sent = this.client
      .eval(FENCED_BLOB_WRITE, {
        keys: [this.keys.views, this.keys.fence],
        arguments: [String(token), bytes],
      })
      .then((reply) => reply === 1);
    return { sent, bytes: bytes.length };
  }

  /** The latest views a holder wrote; undefined when none. Rejects when Redis cannot be read. */
  async read(): Promise<SharedViewsPayload | undefined> {
    const binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const bytes = await binary.hGet(this.keys.views, 'bytes');
    if (bytes === null) return undefined;
    const payload = JSON.parse(gunzipSync(bytes).toString('utf8')) as SharedViewsPayload;
    if (typeof payload?.batchTime !== 'number') return undefined;
    return payload;
  }
}
