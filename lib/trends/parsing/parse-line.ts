import { checkPost, isObject } from './parse-line-shape';
import { utf8ByteLength } from './parse-line-bytes';
import type { StreamLine } from '../types';

/**
 * The longest line accepted, in UTF-8 bytes (X's posts are a few KB). Readers cut longer lines
 * at this length so that a file or stream without line breaks cannot fill the memory.
 */
export const MAX_LINE_BYTES = 1_000_000;

export type LineResult = { ok: true; line: StreamLine } | { ok: false; reason: string };

/**
 * Parses one line of a stream or fixture into a `StreamLine`, never throwing. A rejected line
 * comes back with a short reason for the error counters:
 * - `empty`: a keep-alive (empty or whitespace-only line). Callers skip these without counting
 *   them as errors: X sends one at least every 20 s.
 * - `line too long (N bytes)`: over `maxLineBytes` UTF-8 bytes, rejected before `JSON.parse`.
 * - `invalid JSON`, `not an object`.
 * - `no data`: an error-only message (`{"errors":[…]}` without `data`, e.g. an
 *   operational-disconnect notice); the source reads those itself.
 * - `missing data`, `missing data.id`, `data.text is not a string`, …: a post that cannot be
 *   counted (see `parse-line-shape.ts`).
 *
 * The returned line is the parsed object itself (unknown fields kept, not copied), with the odd
 * fields the job reads removed. Nothing else of the line is checked: `includes` and
 * `matching_rules` may hold anything.
 */
export function parseStreamLine(raw: string, maxLineBytes = MAX_LINE_BYTES): LineResult {
  if (isBlank(raw)) return { ok: false, reason: 'empty' };
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: count bytes only when the length cannot decide.
  if (raw.length * 3 > maxLineBytes) {
    const bytes = utf8ByteLength(raw);
    if (bytes > maxLineBytes) return { ok: false, reason: `line too long (${bytes} bytes)` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'invalid JSON' };
  }
  return checkStreamLine(parsed);
}

/** The checks of `parseStreamLine` after `JSON.parse`: `parsed` as a `StreamLine`, or why not. */
export function checkStreamLine(parsed: unknown): LineResult {
  if (!isObject(parsed)) return { ok: false, reason: 'not an object' };
  if (parsed.data === undefined) {
    return { ok: false, reason: Array.isArray(parsed.errors) ? 'no data' : 'missing data' };
  }
  const reason = checkPost(parsed.data);
  if (reason !== undefined) return { ok: false, reason };
  return { ok: true, line: parsed as unknown as StreamLine };
}

/** Empty or whitespace only; the common case (a line starting with `{`) costs one comparison. */
function isBlank(raw: string): boolean {
  if (raw.length === 0) return true;
  if (raw.charCodeAt(0) === 0x7b) return false;
  return raw.trim().length === 0;
}
