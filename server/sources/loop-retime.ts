/**
 * Loop passes of a fixture replay. Pass 1 is the file as recorded; pass k ≥ 2 is shifted in time
 * by `shiftMs` (so it continues after pass k − 1 instead of repeating it) and its posts get fresh
 * ids `<id>-<k>` (so de-duplication by id does not eat it). Ids of referenced posts are renamed
 * alike, keeping retweets and quotes pointing into the same pass.
 */

export interface TimedLine {
  raw: string;
  /** The post's `created_at` in ms, undefined when the line has none (or is not JSON). */
  timeMs: number | undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseData(raw: string, maxLineBytes: number): { line: Json; data: Json } | undefined {
  // A line this long is rejected by the pipeline anyway; do not parse it twice.
  if (raw.length > maxLineBytes || raw.length === 0) return undefined;
  try {
    const line: unknown = JSON.parse(raw);
    if (isObject(line) && isObject(line.data)) return { line, data: line.data };
  } catch {
    // Not JSON: passed through unchanged; the pipeline counts it.
  }
  return undefined;
}

function timeOf(data: Json): number | undefined {
  if (typeof data.created_at !== 'string') return undefined;
  const timeMs = Date.parse(data.created_at);
  return Number.isNaN(timeMs) ? undefined : timeMs;
}

/** Pass 1: the line unchanged, with its post time. */
export function readLine(raw: string, maxLineBytes: number): TimedLine {
  const parsed = parseData(raw, maxLineBytes);
  return { raw, timeMs: parsed && timeOf(parsed.data) };
}

/** Pass `pass` ≥ 2: the line re-timed by `shiftMs` and re-identified; bad lines unchanged. */
export function retimeLine(
  raw: string,
  pass: number,
  shiftMs: number,
  maxLineBytes: number,
): TimedLine {
  const parsed = parseData(raw, maxLineBytes);
  if (parsed === undefined) return { raw, timeMs: undefined };
  const { line, data } = parsed;
  const originalMs = timeOf(data);
  const timeMs = originalMs === undefined ? undefined : originalMs + shiftMs;
  if (timeMs !== undefined) data.created_at = new Date(timeMs).toISOString();
  if (typeof data.id === 'string') data.id = `${data.id}-${pass}`;
  if (Array.isArray(data.referenced_tweets)) {
    for (const ref of data.referenced_tweets) {
      if (isObject(ref) && typeof ref.id === 'string') ref.id = `${ref.id}-${pass}`;
    }
  }
  return { raw: JSON.stringify(line), timeMs };
}
