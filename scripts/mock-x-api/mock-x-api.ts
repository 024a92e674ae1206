/**
 * A mock of the X API v2 endpoints the live sources use, as a real HTTP server on 127.0.0.1
 * (port 0): both streams, the stream rules, and recent search. It checks the bearer token, plays
 * scripted faults per connection or request (`StreamPlan`, `SearchPlan`) and records every post
 * it sent and every connection, so tests can compare what arrived with what went out.
 * Test support code: never used by the server.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '@/lib/seeded-random';
import { answerSearch, sendJson, takeRateLimit } from './mock-search';
import type { RateWindow } from './mock-search';
import { makeMockPost } from './mock-posts';
import type { MockPost } from './mock-posts';
import { resetHeader, sendStreamError, sendUnauthorized } from './mock-errors';
import { handleRules } from './mock-rules';
import type { MockRules } from './mock-rules';
import { runStream } from './mock-stream';
import { PostQueue } from './post-queue';
import type { ConnectionRecord, MockXApiOptions, SearchPlan, StreamPlan } from './mock-types';

export interface MockXApi {
  /** `http://127.0.0.1:<port>`, for X_API_BASE_URL. */
  readonly url: string;
  /** Every post id sent in a complete line or a search page, in order, repeats included. */
  readonly sentIds: string[];
  readonly connections: ConnectionRecord[];
  readonly rules: MockRules;
  /** The posts sent at least once, in first-sent order. */
  sentPosts(): MockPost[];
  /** Streams: posts not sent yet. */
  unsentCount(): number;
  /** Streams: keep-alive lines written so far, every connection together. */
  keepAlivesSent(): number;
  /** Recent search: `count` new posts become searchable. */
  publishSearchPosts(count: number): MockPost[];
  close(): Promise<void>;
}

export async function startMockXApi(options: MockXApiOptions): Promise<MockXApi> {
  const state = new MockState(options);
  const server = http.createServer((req, res) => state.handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sentIds: state.sentIds,
    connections: state.connections,
    rules: state.rules,
    sentPosts: () => state.sentPosts(),
    unsentCount: () => state.streamQueue.remaining(),
    keepAlivesSent: () => state.keepAlivesSent,
    publishSearchPosts: (count) => state.publish(count),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class MockState {
  readonly sentIds: string[] = [];
  readonly connections: ConnectionRecord[] = [];
  keepAlivesSent = 0;
  readonly rules: MockRules = { byId: new Map(), nextId: 1, log: [] };
  readonly streamQueue: PostQueue;
  private readonly byId = new Map<string, MockPost>();
  private readonly searchPosts: MockPost[] = [];
  private nextSearchIndex = 100_000;
  private streamConnections = 0;
  private searchRequests = 0;
  private readonly random: () => number;
  private readonly rateWindow: RateWindow;

  constructor(private readonly options: MockXApiOptions) {
    this.streamQueue = new PostQueue(options.streamPostCount ?? 100, options.makePost);
    this.random = seededRandom(options.seed ?? 7);
    const rate = options.searchRateLimit ?? { limit: 450, windowMs: 900_000 };
    this.rateWindow = { ...rate, startedAtMs: Date.now(), used: 0 };
  }

  sentPosts(): MockPost[] {
    return [...new Set(this.sentIds)].map((id) => this.byId.get(id)!);
  }

  publish(count: number): MockPost[] {
    const posts = Array.from({ length: count }, () => makeMockPost(this.nextSearchIndex++));
    this.searchPosts.push(...posts);
    return posts;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://mock');
    if (req.headers.authorization !== `Bearer ${this.options.bearerToken}`) {
      this.connections.push(connectionRecord(url, 'normal', 401));
      return sendUnauthorized(res);
    }
    if (url.pathname === '/2/tweets/search/stream/rules')
      return void handleRules(req, res, this.rules);
    if (url.pathname === '/2/tweets/search/stream' || url.pathname === '/2/tweets/sample/stream')
      return this.stream(url, req, res);
    if (url.pathname === '/2/tweets/search/recent') return this.search(url, res);
    sendJson(res, 404, { title: 'Not Found Error', detail: `no route ${url.pathname}` });
  }

  private stream(url: URL, req: IncomingMessage, res: ServerResponse): void {
    const path = url.pathname;
    const index = this.streamConnections++;
    const plan: StreamPlan = this.options.streamPlans?.[index] ?? { kind: 'normal' };
    const filtered = path.endsWith('/search/stream');
    const record = connectionRecord(url, plan.kind);
    this.connections.push(record);
    res.on('close', () => (record.closedAtMs = Date.now()));
    const refusal =
      plan.kind === 'status'
        ? plan
        : filtered && this.rules.byId.size === 0
          ? { status: 409 }
          : undefined;
    if (refusal) {
      record.status = refusal.status;
      return sendStreamError(
        res,
        refusal.status,
        'resetInSec' in refusal ? refusal.resetInSec : undefined,
      );
    }
    if (plan.kind === 'no-response') return;
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    void runStream({
      res,
      gzip: (this.options.gzip ?? false) && acceptsGzip,
      plan,
      replay: this.redelivery(index),
      postIntervalMs: this.options.postIntervalMs ?? 2,
      postsPerSecond: this.options.postsPerSecond,
      keepAliveMs: this.options.keepAliveMs ?? 50,
      keptAlive: () => void this.keepAlivesSent++,
      random: this.random,
      feed: {
        peek: () => this.streamQueue.peek(),
        sent: (post) => {
          this.streamQueue.take(post);
          this.record(post);
        },
        matchingRules: filtered
          ? () =>
              [...this.rules.byId.values()]
                .slice(0, 1)
                .map((rule) => ({ id: rule.id, tag: rule.tag }))
          : undefined,
      },
    });
  }

  /** Posts to send again at the start of reconnection `index` (recorded as sent again). */
  private redelivery(index: number): MockPost[] {
    const count = index > 0 ? (this.options.redeliverOnReconnect ?? 0) : 0;
    const replay = count > 0 ? this.sentIds.slice(-count).map((id) => this.byId.get(id)!) : [];
    for (const post of replay) this.sentIds.push(post.data.id);
    return replay;
  }

  private search(url: URL, res: ServerResponse): void {
    const plan: SearchPlan = this.options.searchPlans?.[this.searchRequests++] ?? {
      kind: 'normal',
    };
    const record = connectionRecord(url, plan.kind);
    this.connections.push(record);
    if (plan.kind === 'drop') return void res.socket?.destroy();
    if (plan.kind === 'no-response') return;
    const rate = takeRateLimit(this.rateWindow, Date.now());
    if (plan.kind === 'status') {
      record.status = plan.status;
      if (plan.resetInSec !== undefined)
        rate.headers['x-rate-limit-reset'] = resetHeader(plan.resetInSec);
      return sendJson(
        res,
        plan.status,
        { title: http.STATUS_CODES[plan.status], detail: 'scripted' },
        rate.headers,
      );
    }
    if (rate.limited) {
      record.status = 429;
      return sendJson(
        res,
        429,
        { title: 'Too Many Requests', detail: 'Too Many Requests' },
        rate.headers,
      );
    }
    const answer = answerSearch(this.searchPosts, url.searchParams);
    record.status = answer.status;
    for (const post of answer.posts) this.record(post);
    sendJson(res, answer.status, answer.body, rate.headers);
  }

  private record(post: MockPost): void {
    this.byId.set(post.data.id, post);
    this.sentIds.push(post.data.id);
  }
}

function connectionRecord(
  url: URL,
  plan: ConnectionRecord['plan'],
  status = 200,
): ConnectionRecord {
  return { path: url.pathname, query: url.searchParams, atMs: Date.now(), status, plan };
}
