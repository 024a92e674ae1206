/**
 * Who ingests: this process alone (`LocalIngest`, no `REDIS_URL`), or whichever instance holds
 * the lease (`ClusterIngest`). The server asks the runner for its readiness and for the source
 * and engine figures it shows, whichever instance produced them.
 */
import type { EngineStats, SourceStatus } from '@/lib/protocol';
import type { Readiness } from '../http/health-routes';
import type { TweetSource } from '../sources/types';
import type { Logger } from 'pino';
import type { TagHistory } from '@/lib/trends/history/tag-history';
import type { FilteredViews } from '@/lib/trends/filters/filtered-views';
import type { TagDetail } from '@/lib/trends/detail/tag-detail';
import type { ViewFilter } from '@/lib/view-filters';
import type { DetailReader } from '../detail/detail-answers';
import type { FilterViews } from '../sockets/hub-messages';
import type { ClusterNode } from '../cluster/cluster-node';
import type { CheckpointKeeper } from '../state/checkpoint-keeper';
import type { Ingest } from './ingest';

export interface IngestRunner {
  start(): Promise<void>;
  /** Stops the source, then the engine; idempotent, never rejects. */
  stop(): Promise<void>;
  readiness(): Readiness;
  sourceStatus(): SourceStatus;
  stats(): EngineStats;
  /**
   * The per-minute history: this instance's own where it ingests; with several instances, the
   * holder's as last shared (undefined before any; rejects while it cannot be read).
   */
  history(): TagHistory | Promise<TagHistory | undefined>;
  /**
   * The latest numbers under `filter`: the job's where this instance ingests; on a follower,
   * the holder's as shared, undefined until it shares them (asking for them).
   */
  filteredViews(filter: ViewFilter): FilterViews | undefined;
  /**
   * The latest posts and related tags of `key` (in `relatedWindowMs`): the job's where this
   * instance ingests; on a follower, the holder's as shared, undefined until shared (asked for).
   */
  detail(key: string, relatedWindowMs?: number): DetailReader | undefined;
  /** With several instances: waits until `check()` holds after the holder shared views. */
  waitForSharedViews?(check: () => boolean): Promise<boolean>;
}

/**
 * Today's single process: one source, one pipeline, started once. With a `keeper` (live
 * sources), the state is restored before the start, checkpointed while running and once more
 * after the engine stops.
 */
export class LocalIngest implements IngestRunner {
  private started = false;

  constructor(
    private readonly source: TweetSource,
    /** Its pipeline may be replaced by a restored one until `start`. */
    readonly ingest: Ingest,
    private readonly keeper?: CheckpointKeeper,
    private readonly logger?: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.keeper) await this.keeper.restore();
    else this.logger?.info('fixture replay: starting over with fresh state (no checkpoint)');
    const pipeline = this.ingest.pipeline;
    pipeline.start();
    this.started = true;
    this.keeper?.start();
    await this.source.start(pipeline.sink);
  }

  /** A pipeline that never started has no state worth saving over the last checkpoint. */
  async stop(): Promise<void> {
    await this.source.stop().catch(() => undefined);
    this.ingest.pipeline.stop();
    if (this.started) await this.keeper?.stop();
  }

  /** Ready while the source is ready and the engine is running. */
  readiness(): Readiness {
    const status = this.source.status();
    if (!this.source.isReady()) {
      const { connection } = status;
      const why = connection.state === 'stopped' ? `: ${connection.reason}` : '';
      return { ready: false, reason: `source ${connection.state}${why}`, source: status };
    }
    if (!this.ingest.pipeline.running) {
      return { ready: false, reason: 'engine not running', source: status };
    }
    return { ready: true, source: status };
  }

  sourceStatus(): SourceStatus {
    return this.source.status();
  }

  stats(): EngineStats {
    return this.ingest.stats.current();
  }

  history(): TagHistory {
    return this.ingest.pipeline.history;
  }

  filteredViews(): FilteredViews | undefined {
    return this.ingest.pipeline.filteredViews();
  }

  detail(): TagDetail {
    return this.ingest.pipeline.detail;
  }
}

/** One of several instances on Redis: see `ClusterNode`. */
export class ClusterIngest implements IngestRunner {
  constructor(private readonly node: ClusterNode) {}

  async start(): Promise<void> {
    this.node.start();
  }

  async stop(): Promise<void> {
    await this.node.stop();
  }

  /**
   * The holder is ready while its source is, even with Redis away (it keeps ingesting). Another
   * instance is ready while it follows a holder whose source is connected, and not while Redis is
   * unreachable (it keeps serving, but what it shows no longer moves).
   */
  readiness(): Readiness {
    const cluster = this.node.status();
    const source = this.node.sourceStatus();
    const answer = (reason?: string): Readiness =>
      reason === undefined
        ? { ready: true, source, cluster }
        : { ready: false, reason, source, cluster };
    if (cluster.role === 'standby' && cluster.redis === 'unreachable')
      return answer('redis unreachable');
    if (!this.node.sourceReady())
      return answer(
        `source ${source.connection.state}${cluster.role === 'standby' ? ' (on the ingesting instance)' : ''}`,
      );
    return answer();
  }

  sourceStatus(): SourceStatus {
    return this.node.sourceStatus();
  }

  stats(): EngineStats {
    return this.node.stats();
  }

  history(): TagHistory | Promise<TagHistory | undefined> {
    return this.node.history();
  }

  filteredViews(filter: ViewFilter): FilterViews | undefined {
    return this.node.filteredViews(filter);
  }

  detail(key: string, relatedWindowMs?: number): DetailReader | undefined {
    return this.node.detail(key, relatedWindowMs);
  }

  waitForSharedViews(check: () => boolean): Promise<boolean> {
    return this.node.waitForSharedViews(check);
  }
}
