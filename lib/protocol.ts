/**
 * The socket.io contract between the server and the dashboard, shared by both sides.
 * Everything here is plain JSON: no Maps, no Dates, no class instances.
 */
import type { TagCount, TrendingTag, WindowResult } from './trends/types';
import type { TagDetailRequest, TagDetailUpdate } from './tag-detail-protocol';

export type { TagCount, TrendingTag, WindowResult };

/** Engine figures in the spirit of Spark's Streaming tab. Durations in ms. */
export interface EngineStats {
  batchIntervalMs: number;
  /** Batches completed since start. */
  batches: number;
  /** Posts per second over the last batches (on the stream's clock). */
  inputRatePerSec: number;
  lastProcessingMs: number;
  lastSchedulingDelayMs: number;
  lastTotalDelayMs: number;
  /** Posts dropped by backpressure since start. */
  droppedTweets: number;
  /** Malformed input lines skipped since start. */
  badLines: number;
  /** Duplicate posts (same id) ignored since start. */
  duplicateTweets: number;
  /** Posts ingested since start. */
  tweetsIngested: number;
  /** Batches whose user code threw since start. */
  failedBatches: number;
}

export type SourceKind = 'fixture' | 'filtered' | 'sample' | 'search';

export type SourceState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'backing-off'; untilMs: number; reason: string }
  | { state: 'stopped'; reason: string };

export interface SourceStatus {
  kind: SourceKind;
  /** For fixtures: the replay speed (`max` or a factor). */
  speed?: number | 'max';
  /** Human-readable label, e.g. `replay 10×` or `live · filtered stream`. */
  label: string;
  connection: SourceState;
  reconnects: number;
  errors: number;
  tweetsPerSec: number;
  /**
   * With several instances: what works less well than it should (e.g. Redis unreachable, the
   * last results are shown); absent when all is well.
   */
  degraded?: string;
}

/** A hashtag as data: its counting key and, when known, its display spelling. */
export interface TagName {
  key: string;
  tag?: string;
}

/** One batch of a `SeriesBlock`: `counts[i]` is the count of the block's `tags[i]`. */
export interface SeriesPoint {
  batchTime: number;
  counts: number[];
}

/**
 * Per-batch counts of several hashtags as parallel arrays. Tags travel as data, never as object
 * keys: a hashtag may be `__proto__` or `constructor`.
 */
export interface SeriesBlock {
  tags: TagName[];
  /** Oldest first. */
  points: SeriesPoint[];
}

export interface DashboardSnapshot {
  /** Latest completed batch time, null before the first batch. */
  batchTime: number | null;
  windows: WindowResult[];
  /** What is rising now (may be empty) and what is cooling down; see `TrendsBatchResult`. */
  trending: TrendingTag[];
  cooling: TrendingTag[];
  /** Batch time from which the trend view is warm; null once it is (or before the first batch). */
  trendWarmUpEndsMs: number | null;
  /** Recent per-batch counts of the top tags and of the tags this client watches. */
  series: SeriesBlock;
  stats: EngineStats;
  source: SourceStatus;
}

/**
 * What changed since the last update this client got. Updates are coalesced: `series.points`
 * holds every batch since then (oldest first), the rest is the latest state.
 */
export interface BatchUpdate {
  batchTime: number;
  windows: WindowResult[];
  trending: TrendingTag[];
  cooling: TrendingTag[];
  trendWarmUpEndsMs: number | null;
  series: SeriesBlock;
  stats: EngineStats;
  source: SourceStatus;
}

/**
 * Sent to one client after a shared `batch` update: the points of its watched tags that the
 * shared update does not carry (same batches), so its chart lines go on.
 */
export interface WatchedSeriesUpdate {
  batchTime: number;
  series: SeriesBlock;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: DashboardSnapshot) => void;
  /** Built once per update and broadcast to every dashboard (or sent alone as a catch-up). */
  batch: (update: BatchUpdate) => void;
  /** The source's status changed between batches (e.g. an instance lost Redis). */
  source: (source: SourceStatus) => void;
  series: (update: WatchedSeriesUpdate) => void;
  /** The open tag detail of this client: once after it asks, then after each batch. */
  detail: (update: TagDetailUpdate) => void;
}

export interface ClientToServerEvents {
  /** Hashtag keys whose series this client draws (at most `MAX_WATCHED_TAGS`). */
  watch: (keys: string[]) => void;
  /** Opens a tag's detail (its tag is then watched too); `null` closes it. */
  detail: (request: TagDetailRequest | null) => void;
}

export const MAX_WATCHED_TAGS = 12;
/**
 * Tags per window and trending tags in socket messages: what the dashboard draws (20 bars, 20
 * trending rows) with some room. The HTTP API answers the full lists.
 */
export const SOCKET_TOP_TAGS = 25;
/** How many recent batches the snapshot's series holds. */
export const SERIES_LENGTH = 180;
