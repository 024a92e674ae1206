/**
 * Every input of the server is a `TweetSource`: the fixture replay and the three X API sources.
 * A source pushes raw stream lines (or, for the fixture replay, posts it parsed itself) into a
 * `TweetSink`; de-duplication and counting are the pipeline's job, so every source is treated alike.
 */
import type { SourceStatus } from '@/lib/protocol';
import type { ParsedPost } from '@/lib/trends/types';

export type TimeMode =
  /** Batches follow the posts' `created_at` (fixture replay): same counts at any speed. */
  | 'virtual'
  /** Batches follow arrival on the system clock (live sources): late posts are never dropped. */
  | 'arrival';

export interface TweetSink {
  /**
   * One raw stream line (without its `\r\n`), exactly as received. The pipeline parses it; a
   * malformed line is skipped and counted there.
   */
  line(raw: string): void;
  /**
   * Virtual-time sources only: the stream's clock has reached `timeMs` (ms since the epoch). Runs
   * every batch that falls due; resolves when they are done. Call before pushing posts of `timeMs`.
   */
  advanceTo(timeMs: number): Promise<void>;
  /**
   * A post the source parsed itself (the fixture replay parses each line once, for its time and
   * the job alike): counted exactly as if its raw line had come through `line`.
   */
  post(post: ParsedPost): void;
  /** A line the source's own parsing rejected, with the reason: counted as a bad line. */
  badLine(reason: string): void;
}

export interface TweetSource {
  readonly timeMode: TimeMode;
  /** Starts delivering into `sink`. Resolves once started (not when the stream ends). */
  start(sink: TweetSink): Promise<void>;
  /** Stops delivering and releases connections; idempotent. */
  stop(): Promise<void>;
  status(): SourceStatus;
  /** True while connected (stream open, poller running, or replay running): drives `/readyz`. */
  isReady(): boolean;
}
