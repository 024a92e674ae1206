/**
 * Recent search (`GET /2/tweets/search/recent`) polled as a `TweetSource`. We track `since_id`
 * ourselves from `meta.newest_id` (the library's paginator forgets it after an empty page) and
 * follow `next_token` pages, at most `maxPagesPerPoll` a poll; `since_id` moves only once a poll's
 * pages are all read, so a failed page is retried, not skipped. The first poll takes only the
 * newest page (no backfill of the past 7 days). Every request is paced by the rate-limit headers
 * (`nextRequestDelayMs`) so that normal running never meets a 429; errors follow X's backoff,
 * except 401/403 and a 400 on the query itself, which stop the source with the reason.
 */
import type { TwitterApi, TwitterRateLimit } from 'twitter-api-v2';
import { POST_FIELDS_QUERY } from './x-client';
import { classifyXError } from './x-error';
import type { XLogger } from './x-logger';
import { nextRequestDelayMs } from './rate-limiter';
import { searchPageToLines } from './search-page';
import type { SearchPage } from './search-page';
import type { ServerClock } from '../../time/server-clock';
import { XSourceBase } from './source-base';

export interface XSearchSourceOptions {
  client: TwitterApi;
  query: string;
  pollIntervalMs: number;
  /** A request without an answer after this long fails as a network error. */
  requestTimeoutMs: number;
  backoffScale: number;
  maxPagesPerPoll?: number;
  logger: XLogger;
  /** Default: the system clock. */
  clock?: ServerClock;
}

type Step = { delayMs: number; error?: string } | { stop: string };

export class XSearchSource extends XSourceBase {
  private sinceId?: string;
  /** The poll in progress when it has more pages: where to go on, and its newest id. */
  private cursor?: { nextToken: string; newestId?: string; pages: number };
  private failing = false;

  constructor(private readonly options: XSearchSourceOptions) {
    super('search', 'live · recent search', options.backoffScale, options.clock);
  }

  protected async run(): Promise<void> {
    while (!this.stopping) {
      const step = await this.requestOnce();
      if (this.stopping) return;
      if ('stop' in step) {
        this.options.logger.error({ source: 'search' }, `X recent search stopped: ${step.stop}`);
        this.status_.set({ state: 'stopped', reason: step.stop });
        return;
      }
      if (step.error !== undefined)
        this.status_.set({
          state: 'backing-off',
          untilMs: this.nowMs() + step.delayMs,
          reason: step.error,
        });
      await this.pause(step.delayMs);
    }
  }

  /** One request; says how long to wait before the next one. Never throws. */
  private async requestOnce(): Promise<Step> {
    try {
      const response = await this.options.client.v2.get<SearchPage>(
        'tweets/search/recent',
        this.queryParams(),
        { fullResponse: true, timeout: this.options.requestTimeoutMs },
      );
      if (this.stopping) return { delayMs: 0 };
      this.recovered();
      const morePages = this.take(response.data);
      return {
        delayMs: this.pacedDelayMs(morePages ? 0 : this.options.pollIntervalMs, response.rateLimit),
      };
    } catch (error) {
      return this.failed(error);
    }
  }

  private queryParams(): Record<string, string> {
    const params: Record<string, string> = {
      ...POST_FIELDS_QUERY,
      query: this.options.query,
      max_results: '100',
    };
    if (this.sinceId) params.since_id = this.sinceId;
    if (this.cursor) params.next_token = this.cursor.nextToken;
    return params;
  }

  /** Forwards a page's posts; true when the poll goes on with the next page. */
  private take(page: SearchPage): boolean {
    for (const line of searchPageToLines(page)) {
      this.status_.countPost();
      this.sink!.line(line);
    }
    const newestId = this.cursor?.newestId ?? page.meta?.newest_id;
    const pages = (this.cursor?.pages ?? 0) + 1;
    const nextToken = page.meta?.next_token;
    if (nextToken && this.sinceId !== undefined && pages < (this.options.maxPagesPerPoll ?? 10)) {
      this.cursor = { nextToken, newestId, pages };
      return true;
    }
    if (nextToken && this.sinceId !== undefined)
      this.options.logger.warn(
        { source: 'search', pages },
        'X recent search: page cap reached, older matches skipped',
      );
    if (newestId) this.sinceId = newestId;
    this.cursor = undefined;
    return false;
  }

  private recovered(): void {
    if (this.failing) this.status_.countReconnect();
    this.failing = false;
    this.backoff.reset();
    this.status_.set({ state: 'live' });
  }

  private failed(error: unknown): Step {
    const classified = classifyXError(error, this.nowMs());
    this.status_.countError();
    this.failing = true;
    if (!classified.failure) return { stop: classified.message };
    if (classified.status === 400 && !this.cursor)
      return { stop: `${classified.message}: check X_SEARCH_QUERY` };
    // A 4xx other than 429 while paging may mean a stale next_token: start the poll over.
    const status = classified.status ?? 0;
    if (status >= 400 && status < 500 && status !== 429) this.cursor = undefined;
    const delayMs = this.backoff.nextDelayMs(classified.failure, this.nowMs());
    this.options.logger.warn(
      { source: 'search', delayMs },
      `X recent search: ${classified.message}; retrying`,
    );
    return { delayMs, error: classified.message };
  }

  private pacedDelayMs(floorMs: number, rateLimit: TwitterRateLimit | undefined): number {
    return nextRequestDelayMs(floorMs, rateLimit, this.nowMs());
  }
}
