import { isObject } from './parse-line-shape';
import { checkStreamLine } from './parse-line';
import { utf8ByteLength } from './parse-line-bytes';
import { postTimeMs, toParsedPost } from './parse-post';
import type { ParsedPost, Post } from '../types';

/**
 * A line of a recorded stream, parsed once for both the replay's clock and the job:
 * - `post`: what the job keeps of it;
 * - `bad`: rejected, with the reason `parseStreamLine` gives;
 * - `empty`: a keep-alive, skipped without counting.
 * `timeMs` is the `created_at` of any line whose JSON has an object `data` with a valid one,
 * a rejected line included: the replay's clock follows every timed line of the recording.
 */
export type TimedLine =
  | { kind: 'post'; post: ParsedPost; timeMs: number | undefined }
  | { kind: 'bad'; reason: string; timeMs: number | undefined }
  | { kind: 'empty' };

/** A line that counts: a post or a bad line. */
export type CountedLine = Exclude<TimedLine, { kind: 'empty' }>;

const EMPTY: TimedLine = { kind: 'empty' };

/** `parseStreamLine` then `toParsedPost`, keeping the post's time; one `JSON.parse` a line. */
export function parseTimedLine(raw: string, maxLineBytes: number): TimedLine {
  if (raw.length === 0 || (raw.charCodeAt(0) !== 0x7b && raw.trim().length === 0)) return EMPTY;
  if (raw.length * 3 > maxLineBytes) {
    const bytes = utf8ByteLength(raw);
    if (bytes > maxLineBytes) {
      // Rare: only a line short in characters but long in bytes is read for its time.
      const timeMs = raw.length > maxLineBytes ? undefined : timeOf(parseOrUndefined(raw));
      return { kind: 'bad', reason: `line too long (${bytes} bytes)`, timeMs };
    }
  }
  const parsed = parseOrUndefined(raw);
  if (parsed === undefined) return { kind: 'bad', reason: 'invalid JSON', timeMs: undefined };
  const timeMs = timeOf(parsed);
  const result = checkStreamLine(parsed);
  if (!result.ok) return { kind: 'bad', reason: result.reason, timeMs };
  const { data, includes } = result.line;
  return { kind: 'post', post: toParsedPost(data, includes, timeMs), timeMs };
}

function parseOrUndefined(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function timeOf(parsed: unknown): number | undefined {
  if (!isObject(parsed) || !isObject(parsed.data)) return undefined;
  const data = parsed.data;
  return typeof data.created_at === 'string' ? postTimeMs(data as unknown as Post) : undefined;
}
