import type { MockPost } from './mock-posts';
/** Fault scripts and records of the mock X API (test support). */

/** What one stream connection does; connection n follows `streamPlans[n]`, then `normal`. */
export type StreamPlan =
  | { kind: 'normal' }
  /** Answer with this HTTP status (and `x-rate-limit-reset` = now + `resetInSec` for 429). */
  | { kind: 'status'; status: number; resetInSec?: number }
  /** Send `afterPosts` posts, then half a line, then drop the TCP connection. */
  | { kind: 'drop'; afterPosts: number }
  /** Send `afterPosts` posts, then an operational-disconnect error object, then close. */
  | { kind: 'operational-disconnect'; afterPosts: number }
  /** Send `afterPosts` posts, then a line that is not JSON, then go on normally. */
  | { kind: 'malformed'; afterPosts: number }
  /** Send `afterPosts` posts, then nothing at all (no keep-alives) while the socket stays open. */
  | { kind: 'stall'; afterPosts: number }
  /** Answer 200, then end the response at once. */
  | { kind: 'close-at-once' }
  /** Never answer (no status line, no headers) while the socket stays open. */
  | { kind: 'no-response' };

/** What one recent-search request does; request n follows `searchPlans[n]`, then `normal`. */
export type SearchPlan =
  | { kind: 'normal' }
  | { kind: 'status'; status: number; resetInSec?: number }
  /** Drop the TCP connection without answering. */
  | { kind: 'drop' }
  /** Never answer while the socket stays open. */
  | { kind: 'no-response' };

export interface ConnectionRecord {
  path: string;
  /** The query string as received. */
  query: URLSearchParams;
  /** ms since the epoch when the request arrived. */
  atMs: number;
  status: number;
  plan: StreamPlan['kind'] | SearchPlan['kind'];
  /** When the connection ended (streams). */
  closedAtMs?: number;
}

export interface MockXApiOptions {
  bearerToken: string;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Posts the streams deliver, in order, shared by all connections (default 100). */
  streamPostCount?: number;
  /** Pause between two posts on a stream (default 2 ms). */
  postIntervalMs?: number;
  /**
   * Streams: a steady rate instead of `postIntervalMs`; each connection sends what is due since
   * it opened, checking every 10 ms (load tests).
   */
  postsPerSecond?: number;
  /** Makes post number `index` (0-based) for the streams; default `makeMockPost`. */
  makePost?: (index: number) => MockPost;
  /** Keep-alive `\r\n` period on streams (default 50 ms). */
  keepAliveMs?: number;
  streamPlans?: StreamPlan[];
  searchPlans?: SearchPlan[];
  /** Resend this many of the last sent posts at the start of each reconnection (default 0). */
  redeliverOnReconnect?: number;
  /** Recent-search rate limit per window (default 450 per 15 min). */
  searchRateLimit?: { limit: number; windowMs: number };
  /** Streams: gzip the body when the client accepts it (X does). Default false. */
  gzip?: boolean;
  /** Seed of the random chunk cuts. */
  seed?: number;
}
