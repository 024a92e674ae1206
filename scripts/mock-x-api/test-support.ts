/** Helpers for tests of the live sources against the mock X API. */
import type { ParsedPost } from '@/lib/trends/types';
import type { TweetSink } from '../../server/sources/types';
import type { XLogger } from '../../server/sources/x/x-logger';
import type { XSourceConfig } from '../../server/sources/x/source-factory';
import type { MockXApi } from './mock-x-api';

export const MOCK_TOKEN = 'test-bearer-token-never-logged';

export interface RecordingSink extends TweetSink {
  readonly lines: string[];
  /** Posts handed over already parsed (by a fixture replay), and rejected lines' reasons. */
  readonly posts: ParsedPost[];
  readonly badLines: string[];
}

export function recordingSink(): RecordingSink {
  const lines: string[] = [];
  const posts: ParsedPost[] = [];
  const badLines: string[] = [];
  return {
    lines,
    posts,
    badLines,
    line: (raw) => void lines.push(raw),
    advanceTo: async () => undefined,
    post: (post) => void posts.push(post),
    badLine: (reason) => void badLines.push(reason),
  };
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  message?: string;
}

export function capturingLogger(): XLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: object, message?: string): void =>
      void entries.push({ level, obj: obj as Record<string, unknown>, message });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export type XTestConfig = XSourceConfig;

/** The X settings of a test against `mock`: tiny backoff scale, a stall timeout a busy machine does not reach. */
export function mockXConfig(mock: MockXApi, overrides: Partial<XTestConfig> = {}): XTestConfig {
  return {
    X_BEARER_TOKEN: MOCK_TOKEN,
    X_API_BASE_URL: mock.url,
    X_STREAM_RULES: '#日本語\nlang:ja has:hashtags',
    X_SEARCH_QUERY: 'has:hashtags',
    X_POLL_INTERVAL_MS: 100,
    X_STALL_TIMEOUT_MS: 2_000,
    X_BACKOFF_SCALE: 0.001,
    ...overrides,
  };
}

/** Ids of the posts in `lines` (lines that are not posts are skipped). */
export function postIds(lines: readonly string[]): string[] {
  return lines.flatMap((raw) => {
    try {
      const parsed = JSON.parse(raw) as { data?: { id?: string } };
      return parsed.data?.id ? [parsed.data.id] : [];
    } catch {
      return [];
    }
  });
}
