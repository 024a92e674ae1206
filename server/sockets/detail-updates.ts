import { DETAIL_POSTS_LIMIT } from '@/lib/tag-detail-protocol';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { tagPosts, tagRelated, tagSummary } from '../detail/detail-answers';
import type { DetailSources } from '../detail/detail-answers';
import type { DetailSubscription } from './detail-request';

/** Related tags sent per update (the routes' default limit). */
const RELATED_PER_UPDATE = 20;

const PENDING = 'Loading the posts and related tags from the ingesting instance…';

/**
 * Builds `detail` updates, each (tag, window) once per batch however many clients have it open:
 * `forBatch` forgets what was built for an earlier batch.
 */
export class DetailUpdates {
  private built = new Map<string, TagDetailUpdate>();
  private builtFor: number | null = null;

  constructor(private readonly sources: DetailSources) {}

  updateFor(subscription: DetailSubscription): TagDetailUpdate {
    const batchTime = this.sources.store.latest()?.batchTime ?? null;
    if (batchTime !== this.builtFor) {
      this.built = new Map();
      this.builtFor = batchTime;
    }
    // Window labels hold no NUL, so the last one tells key and label apart.
    const cacheKey = `${subscription.key}\u0000${subscription.window.label}`;
    let update = this.built.get(cacheKey);
    if (update === undefined) {
      update = this.build(subscription);
      this.built.set(cacheKey, update);
    }
    return update;
  }

  private build({ key, window }: DetailSubscription): TagDetailUpdate {
    const update: TagDetailUpdate = {
      summary: tagSummary(this.sources, key),
      posts: tagPosts(this.sources, key, DETAIL_POSTS_LIMIT).posts,
      related: tagRelated(this.sources, key, window, RELATED_PER_UPDATE),
    };
    if (this.sources.detail(key, window.windowMs) === undefined) {
      update.pending = true;
      update.unavailable = PENDING;
    }
    return update;
  }
}
