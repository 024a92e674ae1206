/**
 * The server's one checked configuration: read from the environment at start, validated with zod,
 * frozen. A bad value throws `ConfigError` whose message is one line naming the variable and what
 * it accepts; `server/main.ts` prints it and exits 1. Every variable is documented in `.env.example`.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { redactRedisUrl } from './cluster/redis-url';
import { redactWebhookUrl } from './alerts/redact-url';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `5m`, `1h` → ms; undefined when malformed. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * UNIT_MS[match[2]!]!;
  return value > 0 ? value : undefined;
}

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((text) => text === 'true' || text === '1' || text === 'yes');

/**
 * Numbers are written as plain decimals: `2`, `2.5`. Not `0x10`, `1e3`, ` 5 ` or `Infinity`,
 * which `Number()` would take, so that a typo never passes for a value.
 */
const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;
const decimal = () =>
  z.string().regex(DECIMAL).transform(Number).pipe(z.number().refine(Number.isFinite));
const integer = () => z.string().regex(INTEGER).transform(Number).pipe(z.number().int());

const positiveInt = (min = 1) => integer().pipe(z.number().min(min));

/** The longest window: a day of batches is already more than the dashboard shows. */
export const MAX_WINDOW_MS = 24 * 3_600_000;

/** Beyond a few parse workers the main thread (the engine) is the bottleneck. */
const MAX_PARSE_WORKERS = 16;
const AUTO_PARSE_WORKERS_CAP = 4;

/**
 * `auto`: the cores beside the main thread's, at most `AUTO_PARSE_WORKERS_CAP`; 0 on one core,
 * where a worker would only take time from the engine.
 */
export function resolveParseWorkers(
  setting: number | 'auto',
  cores: number = availableParallelism(),
): number {
  if (setting !== 'auto') return setting;
  return Math.max(0, Math.min(AUTO_PARSE_WORKERS_CAP, cores - 1));
}

const schema = z.object({
  PORT: integer().pipe(z.number().min(0).max(65535)).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TWEET_SOURCE: z.enum(['fixture', 'filtered', 'sample', 'search']).default('fixture'),
  FIXTURE_PATH: z.string().min(1).default('fixtures/sample.jsonl.gz'),
  FIXTURE_SPEED: z
    .union([z.literal('max'), decimal().pipe(z.number().positive().max(1_000_000))])
    .default(1),
  FIXTURE_LOOP: booleanText.default(true),
  BATCH_INTERVAL_MS: positiveInt(100).pipe(z.number().max(60_000)).default(2000),
  WINDOWS: z.string().default('1m,5m,15m,60m'),
  /** Backpressure: posts beyond this many in one batch are dropped and counted. */
  MAX_TWEETS_PER_BATCH: positiveInt().default(200_000),
  /** Socket updates are coalesced to at most one per this many ms per client. */
  CLIENT_UPDATE_INTERVAL_MS: positiveInt(50).default(500),
  HEAVY_HITTERS_CAPACITY: positiveInt(100).default(20_000),
  /** Directory of the checkpoint file of one process (live sources); created when missing. */
  STATE_DIR: z.string().min(1).default('./data'),
  /** Worker threads parsing fixture lines; `auto`: one per core but the main thread's. */
  PARSE_WORKERS: z
    .union([z.literal('auto'), integer().pipe(z.number().max(MAX_PARSE_WORKERS))])
    .default('auto'),
  /** Memory bounds of the job's keyed state (see docs/memory.md). */
  EXACT_WINDOW_MAX_KEYS: positiveInt(100).default(100_000),
  SPELLING_MAX_KEYS: positiveInt(100).default(100_000),
  DEDUPE_MAX_IDS: positiveInt(1000).default(500_000),
  TREND_MAX_KEYS: positiveInt(100).default(50_000),
  /** Bounds of what is kept behind a trend (latest posts, related tags; docs/tag-detail.md). */
  DETAIL_MAX_TAGS: positiveInt(10).default(1500),
  DETAIL_MAX_RELATED_UNITS: positiveInt(1000).default(300_000),
  /** Receives a JSON POST (Slack incoming-webhook shape) when a tag enters the trending top. */
  TRENDING_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A tag entering the first this many of the trending list is announced. */
  TRENDING_WEBHOOK_TOP: positiveInt().pipe(z.number().max(50)).default(10),
  X_BEARER_TOKEN: z.string().min(1).optional(),
  X_API_BASE_URL: z.url().default('https://api.x.com'),
  X_STREAM_RULES: z.string().default(''),
  X_SEARCH_QUERY: z.string().default(''),
  X_POLL_INTERVAL_MS: positiveInt(100).default(2000),
  X_STALL_TIMEOUT_MS: positiveInt(100).default(30_000),
  /** Multiplies every backoff delay; 1 in production, small in tests so faults replay quickly. */
  X_BACKOFF_SCALE: decimal().pipe(z.number().positive().max(1)).default(1),
  /** How often the state is checkpointed (with `REDIS_URL`: by the lease holder, to Redis). */
  CHECKPOINT_INTERVAL_MS: positiveInt(100).default(30_000),
  /** Several instances share one state through Redis when set; one process alone otherwise. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]+$/)
    .optional(),
  /** Every Redis key the server uses starts with this (several apps can share one Redis). */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/)
    .default('tagstream:'),
  /** The ingestion lease's time to live: a dead holder is replaced after about this long. */
  LEASE_TTL_MS: positiveInt(300).pipe(z.number().max(120_000)).default(8000),
  /** Requests to `/api/*` per client address per minute; 0 = off. Unset: see `limitDefaults`. */
  API_RATE_LIMIT_PER_MIN: positiveInt(0).optional(),
  /** Open sockets per client address; 0 = no limit. Unset: see `limitDefaults`. */
  MAX_SOCKETS_PER_ADDRESS: positiveInt(0).optional(),
  /** `watch` messages a socket may send per second; the excess is ignored. */
  WATCH_MESSAGES_PER_SEC: positiveInt().pipe(z.number().max(1000)).default(5),
  /** Proxies in front that append to `X-Forwarded-For` (Cloud Run: 1); 0 = use the TCP peer. */
  TRUST_PROXY_HOPS: positiveInt(0).pipe(z.number().max(10)).default(0),
});

type Raw = z.infer<typeof schema>;

export interface WindowSpec {
  label: string;
  windowMs: number;
}

export interface Config extends Omit<
  Raw,
  | 'WINDOWS'
  | 'X_API_BASE_URL'
  | 'API_RATE_LIMIT_PER_MIN'
  | 'MAX_SOCKETS_PER_ADDRESS'
  | 'PARSE_WORKERS'
> {
  WINDOWS: WindowSpec[];
  API_RATE_LIMIT_PER_MIN: number;
  MAX_SOCKETS_PER_ADDRESS: number;
  /** Resolved: `auto` became a number. */
  PARSE_WORKERS: number;
  /** Without a trailing slash, e.g. `https://api.x.com`. */
  X_API_BASE_URL: string;
}

const ACCEPTS: Partial<Record<keyof Raw, string>> = {
  PORT: 'an integer port 0-65535',
  TWEET_SOURCE: 'one of fixture, filtered, sample, search',
  FIXTURE_SPEED: 'a positive number (1 = real time) or max',
  FIXTURE_LOOP: 'true or false',
  BATCH_INTERVAL_MS: 'an integer 100-60000',
  MAX_TWEETS_PER_BATCH: 'an integer ≥ 1',
  CLIENT_UPDATE_INTERVAL_MS: 'an integer ≥ 50',
  HEAVY_HITTERS_CAPACITY: 'an integer ≥ 100',
  X_POLL_INTERVAL_MS: 'an integer ≥ 100',
  X_STALL_TIMEOUT_MS: 'an integer ≥ 100',
  EXACT_WINDOW_MAX_KEYS: 'an integer ≥ 100',
  SPELLING_MAX_KEYS: 'an integer ≥ 100',
  DEDUPE_MAX_IDS: 'an integer ≥ 1000',
  TREND_MAX_KEYS: 'an integer ≥ 100',
  DETAIL_MAX_TAGS: 'an integer ≥ 10',
  DETAIL_MAX_RELATED_UNITS: 'an integer ≥ 1000',
  TRENDING_WEBHOOK_URL: 'an http(s) URL (a Slack incoming webhook, or any receiver of JSON)',
  TRENDING_WEBHOOK_TOP: 'an integer 1-50',
  X_API_BASE_URL: 'an absolute URL such as https://api.x.com',
  X_BACKOFF_SCALE: 'a number in (0, 1]',
  REDIS_URL: 'a URL such as redis://host:6379 or rediss://user:password@host:6380/0',
  REDIS_KEY_PREFIX: 'up to 64 letters, digits, _ : . or -',
  LEASE_TTL_MS: 'an integer 300-120000',
  API_RATE_LIMIT_PER_MIN: 'an integer >= 0 (0 = off)',
  MAX_SOCKETS_PER_ADDRESS: 'an integer >= 0 (0 = no limit)',
  WATCH_MESSAGES_PER_SEC: 'an integer 1-1000',
  TRUST_PROXY_HOPS: 'an integer 0-10',
  PARSE_WORKERS: `auto or an integer 0-${MAX_PARSE_WORKERS}`,
};

/**
 * Per-client limits when their variables are unset: on in development and production, off under
 * `NODE_ENV=test` so that tests opening many sockets or requests from one address are not
 * refused (a test of the limits sets them).
 */
function limitDefaults(nodeEnv: Raw['NODE_ENV']) {
  const on = nodeEnv !== 'test';
  return { apiRequestsPerMin: on ? 600 : 0, socketsPerAddress: on ? 20 : 0 };
}

function fail(variable: string, detail: string): never {
  throw new ConfigError(`Invalid environment variable ${variable}: ${detail}`);
}

function parseWindows(text: string, batchIntervalMs: number): WindowSpec[] {
  const labels = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (labels.length === 0) fail('WINDOWS', 'expected a comma-separated list such as 1m,5m,15m,60m');
  const specs = labels.map((label) => {
    const windowMs = parseDurationMs(label);
    if (windowMs === undefined) fail('WINDOWS', `"${label}" is not a duration like 30s, 5m or 1h`);
    if (windowMs > MAX_WINDOW_MS) fail('WINDOWS', `${label} is longer than the 24h maximum`);
    if (windowMs % batchIntervalMs !== 0)
      fail('WINDOWS', `${label} is not a multiple of BATCH_INTERVAL_MS (${batchIntervalMs} ms)`);
    return { label, windowMs };
  });
  if (new Set(specs.map((spec) => spec.windowMs)).size !== specs.length)
    fail('WINDOWS', 'window lengths must be distinct');
  return specs.sort((a, b) => a.windowMs - b.windowMs);
}

/** A bad value as the error shows it: URLs that hold secrets show no more than their host. */
function shownValue(variable: string, value: string): string {
  if (variable === 'REDIS_URL') return redactRedisUrl(value);
  if (variable === 'TRENDING_WEBHOOK_URL') return redactWebhookUrl(value);
  return value;
}

/** Reads and checks the configuration; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in schema.shape && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0]);
    const accepts = ACCEPTS[variable as keyof Raw];
    const shown = shownValue(variable, env[variable] ?? '');
    fail(variable, accepts ? `expected ${accepts}, got "${shown}"` : issue.message);
  }
  const raw = parsed.data;
  if (raw.TWEET_SOURCE !== 'fixture' && !raw.X_BEARER_TOKEN)
    fail('X_BEARER_TOKEN', `required when TWEET_SOURCE=${raw.TWEET_SOURCE}`);
  if (raw.TWEET_SOURCE === 'filtered' && raw.X_STREAM_RULES.trim() === '')
    fail('X_STREAM_RULES', 'required when TWEET_SOURCE=filtered (one rule a line)');
  if (raw.TWEET_SOURCE === 'search' && raw.X_SEARCH_QUERY.trim() === '')
    fail('X_SEARCH_QUERY', 'required when TWEET_SOURCE=search');
  const limits = limitDefaults(raw.NODE_ENV);
  return Object.freeze({
    ...raw,
    API_RATE_LIMIT_PER_MIN: raw.API_RATE_LIMIT_PER_MIN ?? limits.apiRequestsPerMin,
    MAX_SOCKETS_PER_ADDRESS: raw.MAX_SOCKETS_PER_ADDRESS ?? limits.socketsPerAddress,
    WINDOWS: parseWindows(raw.WINDOWS, raw.BATCH_INTERVAL_MS),
    PARSE_WORKERS: resolveParseWorkers(raw.PARSE_WORKERS),
    X_API_BASE_URL: raw.X_API_BASE_URL.replace(/\/+$/, ''),
  });
}
