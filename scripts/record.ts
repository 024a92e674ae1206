/**
 * Records a live X source to a fixture: `npm run record -- --source filtered --minutes 5 --out
 * fixtures/my-recording.jsonl.gz` (also `--source sample|search`, `--max-posts N`). Every line the
 * source forwards is written verbatim, `\n`-terminated, gzipped when the name ends in `.gz`, so
 * `TWEET_SOURCE=fixture FIXTURE_PATH=<file>` replays it. Same config as the server (env, token,
 * rules, query). Progress goes to stderr; SIGINT/SIGTERM or the time limit end it, file flushed.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pino from 'pino';
import { ConfigError, loadConfig } from '@/server/config';
import { createLogger } from '@/server/logger';
import type { TweetSource } from '@/server/sources/types';
import type { XLogger } from '@/server/sources/x/x-logger';
import { createXSource } from '@/server/sources/x/source-factory';
import type { XSourceKind } from '@/server/sources/x/source-factory';

export interface RecordArgs {
  source: XSourceKind;
  minutes: number;
  out: string;
  maxPosts?: number;
}

const USAGE =
  'usage: npm run record -- --source filtered|sample|search --minutes N --out FILE[.gz] [--max-posts N]';

export function parseRecordArgs(argv: readonly string[]): RecordArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index]!;
    if (!flag.startsWith('--') || argv[index + 1] === undefined) throw new ConfigError(USAGE);
    values.set(flag.slice(2), argv[index + 1]!);
  }
  const source = values.get('source');
  if (source !== 'filtered' && source !== 'sample' && source !== 'search')
    throw new ConfigError(USAGE);
  const minutes = Number(values.get('minutes') ?? '5');
  const maxPosts = values.has('max-posts') ? Number(values.get('max-posts')) : undefined;
  const out = values.get('out');
  if (!out || !(minutes > 0) || (maxPosts !== undefined && !(maxPosts > 0)))
    throw new ConfigError(USAGE);
  return { source, minutes, out, maxPosts };
}

export interface RecordOptions {
  args: RecordArgs;
  env?: NodeJS.ProcessEnv;
  logger?: XLogger;
  /** Progress lines (default: stderr). */
  progress?: (text: string) => void;
  progressEveryMs?: number;
  /** Aborting ends the recording early, like SIGINT. */
  signal?: AbortSignal;
}

export interface RecordSummary {
  lines: number;
  out: string;
  stoppedBy: 'time' | 'max-posts' | 'signal' | 'source stopped';
}

type StopCause = RecordSummary['stoppedBy'];

/** Records until the time limit, `maxPosts` lines, the signal, or the source stopping for good. */
export async function record(options: RecordOptions): Promise<RecordSummary> {
  const { args } = options;
  const config = loadConfig({ ...(options.env ?? process.env), TWEET_SOURCE: args.source });
  const progress = options.progress ?? ((text: string) => process.stderr.write(text + '\n'));
  const out = resolve(args.out);
  await mkdir(dirname(out), { recursive: true });
  const file = openOutput(out);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, pino.destination(2));
  const source = createXSource(args.source, config, logger);

  let lines = 0;
  const watch = watchForEnd(source, options, () => lines, progress);
  await source.start({
    line(raw) {
      if (lines >= (args.maxPosts ?? Infinity)) return;
      file.stream.write(raw + '\n');
      lines += 1;
      if (lines === args.maxPosts) watch.finish('max-posts');
    },
    advanceTo: async () => undefined,
    // X sources hand raw lines only.
    post: () => undefined,
    badLine: () => undefined,
  });
  const stoppedBy = await watch.ended;
  const reason =
    stoppedBy === 'source stopped' ? ` (${describeStop(source.status().connection)})` : '';
  await source.stop();
  await file.close();
  progress(`done: ${lines} lines in ${args.out}, stopped by ${stoppedBy}${reason}`);
  return { lines, out, stoppedBy };
}

/**
 * Settles `ended` with the first stop cause: the time limit, the signal, the source giving up
 * (checked every 100 ms), or `finish` called by the caller; prints progress meanwhile.
 */
function watchForEnd(
  source: TweetSource,
  options: RecordOptions,
  lines: () => number,
  progress: (text: string) => void,
): { ended: Promise<StopCause>; finish(cause: StopCause): void } {
  let settle!: (cause: StopCause) => void;
  const ended = new Promise<StopCause>((done) => (settle = done));
  const timer = setTimeout(() => finish('time'), options.args.minutes * 60_000);
  const onAbort = () => finish('signal');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let lastProgressMs = Date.now();
  const ticker = setInterval(() => {
    const status = source.status();
    if (status.connection.state === 'stopped') finish('source stopped');
    if (Date.now() - lastProgressMs < (options.progressEveryMs ?? 5_000)) return;
    lastProgressMs = Date.now();
    progress(`recorded ${lines()} lines · ${status.connection.state} · ${status.tweetsPerSec}/s`);
  }, 100);
  function finish(cause: StopCause): void {
    clearTimeout(timer);
    clearInterval(ticker);
    options.signal?.removeEventListener('abort', onAbort);
    settle(cause);
  }
  return { ended, finish };
}

function describeStop(state: { state: string; reason?: string }): string {
  return state.reason ?? state.state;
}

interface Output {
  stream: Writable;
  /** Ends the stream; resolves once every byte is in the file. */
  close(): Promise<void>;
}

/** The output file, through gzip when its name ends in `.gz`. */
function openOutput(path: string): Output {
  const file = createWriteStream(path);
  const stream = path.endsWith('.gz') ? createGzip() : file;
  if (stream !== file) stream.pipe(file);
  return {
    stream,
    close: async () => {
      stream.end();
      await finished(file);
    },
  };
}

async function main(): Promise<void> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => controller.abort());
  try {
    const summary = await record({
      args: parseRecordArgs(process.argv.slice(2)),
      signal: controller.signal,
    });
    process.exitCode = summary.stoppedBy === 'source stopped' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message + '\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  void main();
