import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDurationMs, resolveParseWorkers } from './config';

/** `loadConfig` with only these variables set. */
const load = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv);

function errorOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs alone without REDIS_URL, with the lease and key defaults for when it is set', () => {
    const config = load({});
    expect(config.REDIS_URL).toBeUndefined();
    expect(config).toMatchObject({
      REDIS_KEY_PREFIX: 'tagstream:',
      LEASE_TTL_MS: 8000,
      CHECKPOINT_INTERVAL_MS: 30_000,
    });
    expect(load({ REDIS_URL: 'rediss://user:pw@10.0.0.3:6378/1' }).REDIS_URL).toBe(
      'rediss://user:pw@10.0.0.3:6378/1',
    );
  });

  it('never echoes the password of a bad REDIS_URL', () => {
    const message = errorOf({ REDIS_URL: 'http://user:s3cret@host:6379' });
    expect(message).toContain('REDIS_URL');
    expect(message).not.toContain('s3cret');
  });

  it('refuses a lease ttl outside 300-120000 ms', () => {
    expect(errorOf({ LEASE_TTL_MS: '100' })).toContain(
      'LEASE_TTL_MS: expected an integer 300-120000',
    );
  });

  it('fills every default from an empty environment', () => {
    const config = load({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      TWEET_SOURCE: 'fixture',
      FIXTURE_PATH: 'fixtures/sample.jsonl.gz',
      FIXTURE_SPEED: 1,
      FIXTURE_LOOP: true,
      BATCH_INTERVAL_MS: 2000,
      MAX_TWEETS_PER_BATCH: 200_000,
      CLIENT_UPDATE_INTERVAL_MS: 500,
      HEAVY_HITTERS_CAPACITY: 20_000,
      STATE_DIR: './data',
      X_API_BASE_URL: 'https://api.x.com',
    });
    expect(config.WINDOWS.map((window) => window.windowMs)).toEqual([
      60_000, 300_000, 900_000, 3_600_000,
    ]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(load({ PORT: '', FIXTURE_SPEED: '' })).toMatchObject({ PORT: 3000, FIXTURE_SPEED: 1 });
  });

  it('reads max and factors as fixture speeds and words as booleans', () => {
    expect(load({ FIXTURE_SPEED: 'max', FIXTURE_LOOP: 'false' })).toMatchObject({
      FIXTURE_SPEED: 'max',
      FIXTURE_LOOP: false,
    });
    expect(load({ FIXTURE_SPEED: '2.5', FIXTURE_LOOP: 'yes' })).toMatchObject({
      FIXTURE_SPEED: 2.5,
      FIXTURE_LOOP: true,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['FIXTURE_SPEED', 'fast'],
    ['FIXTURE_SPEED', '0'],
    ['FIXTURE_SPEED', '0x10'],
    ['FIXTURE_SPEED', ' 5 '],
    ['FIXTURE_SPEED', '1e309'],
    ['FIXTURE_SPEED', '1e3'],
    ['FIXTURE_SPEED', 'Infinity'],
    ['PORT', '0x50'],
    ['BATCH_INTERVAL_MS', '2e3'],
    ['MAX_TWEETS_PER_BATCH', '1.5'],
    ['X_STALL_TIMEOUT_MS', '-300'],
    ['FIXTURE_LOOP', 'maybe'],
    ['BATCH_INTERVAL_MS', '50'],
    ['TWEET_SOURCE', 'firehose'],
    ['CLIENT_UPDATE_INTERVAL_MS', '10'],
    ['X_API_BASE_URL', 'not a url'],
    ['X_BACKOFF_SCALE', '2'],
    ['LOG_LEVEL', 'loud'],
    ['PARSE_WORKERS', 'many'],
    ['PARSE_WORKERS', '-1'],
  ])('rejects %s=%s with one line naming the variable', (variable, value) => {
    const message = errorOf({ [variable]: value });
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });

  it('reads PARSE_WORKERS as a count or auto (from the cores beside the main thread), auto by default', () => {
    expect(load({ PARSE_WORKERS: '0' }).PARSE_WORKERS).toBe(0);
    expect(load({ PARSE_WORKERS: '3' }).PARSE_WORKERS).toBe(3);
    expect(load({}).PARSE_WORKERS).toBe(resolveParseWorkers('auto'));
    expect(load({ PARSE_WORKERS: 'auto' }).PARSE_WORKERS).toBe(resolveParseWorkers('auto'));
    expect([1, 2, 4, 64].map((cores) => resolveParseWorkers('auto', cores))).toEqual([0, 1, 3, 4]);
  });

  it('rejects windows that are malformed or not multiples of the batch interval', () => {
    expect(errorOf({ WINDOWS: '1m,soon' })).toMatch(
      /^Invalid environment variable WINDOWS: "soon"/,
    );
    expect(errorOf({ WINDOWS: '3s' })).toMatch(
      /WINDOWS: 3s is not a multiple of BATCH_INTERVAL_MS/,
    );
    expect(errorOf({ WINDOWS: '60s,1m' })).toMatch(/WINDOWS: window lengths must be distinct/);
  });

  it('caps windows at 24 hours with a clear message', () => {
    expect(errorOf({ WINDOWS: '1m,1000000h' })).toBe(
      'Invalid environment variable WINDOWS: 1000000h is longer than the 24h maximum',
    );
    expect(errorOf({ WINDOWS: '25h' })).toMatch(/25h is longer than the 24h maximum/);
    expect(load({ WINDOWS: '24h' }).WINDOWS).toEqual([{ label: '24h', windowMs: 86_400_000 }]);
  });

  it('takes plain decimals for numbers', () => {
    expect(load({ FIXTURE_SPEED: '0.5', PORT: '8080', X_BACKOFF_SCALE: '0.001' })).toMatchObject({
      FIXTURE_SPEED: 0.5,
      PORT: 8080,
      X_BACKOFF_SCALE: 0.001,
    });
  });

  it('sorts windows shortest first and keeps their labels', () => {
    expect(load({ WINDOWS: '1h, 30s' }).WINDOWS).toEqual([
      { label: '30s', windowMs: 30_000 },
      { label: '1h', windowMs: 3_600_000 },
    ]);
  });

  it('requires a bearer token for the live sources', () => {
    expect(errorOf({ TWEET_SOURCE: 'sample' })).toBe(
      'Invalid environment variable X_BEARER_TOKEN: required when TWEET_SOURCE=sample',
    );
    expect(errorOf({ TWEET_SOURCE: 'filtered', X_BEARER_TOKEN: 't' })).toMatch(/X_STREAM_RULES/);
    expect(errorOf({ TWEET_SOURCE: 'search', X_BEARER_TOKEN: 't' })).toMatch(/X_SEARCH_QUERY/);
  });

  it('never puts the bearer token in an error message', () => {
    const message = errorOf({ X_BEARER_TOKEN: 'secret-token-value', PORT: '-1' });
    expect(message).not.toContain('secret-token-value');
  });

  it('drops trailing slashes from X_API_BASE_URL', () => {
    expect(load({ X_API_BASE_URL: 'http://127.0.0.1:4010/' }).X_API_BASE_URL).toBe(
      'http://127.0.0.1:4010',
    );
    expect(load({ X_API_BASE_URL: 'http://127.0.0.1:4010' }).X_API_BASE_URL).toBe(
      'http://127.0.0.1:4010',
    );
    expect(load({ X_API_BASE_URL: 'https://api.x.com//' }).X_API_BASE_URL).toBe(
      'https://api.x.com',
    );
  });
});

describe('parseDurationMs', () => {
  it('reads ms, s, m and h and rejects the rest', () => {
    expect(['250ms', '90s', '5m', '1h'].map(parseDurationMs)).toEqual([
      250, 90_000, 300_000, 3_600_000,
    ]);
    expect(['0s', '5', '1d', '-1m', ''].map(parseDurationMs)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
