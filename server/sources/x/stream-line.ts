/**
 * What a stream line is, as far as a source cares: a post (or anything else the pipeline should
 * judge, malformed lines included, which it skips and counts), or an error-only object, which is
 * not a post and is not forwarded. `operational-disconnect` is matched on `title`: the `type` URL
 * has changed host over the years.
 */
export type StreamLineKind =
  | { kind: 'forward' }
  | { kind: 'operational-disconnect'; message: string }
  | { kind: 'error'; message: string };

interface ErrorEntry {
  title?: unknown;
  detail?: unknown;
}

export function inspectStreamLine(raw: string): StreamLineKind {
  // Cheap test first: posts are the bulk, and an error-only object has no `data` key at all.
  if (!raw.includes('"errors"')) return { kind: 'forward' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'forward' };
  }
  if (!parsed || typeof parsed !== 'object' || 'data' in parsed) return { kind: 'forward' };
  const errors = (parsed as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return { kind: 'forward' };
  const entries = errors.filter(
    (entry): entry is ErrorEntry => !!entry && typeof entry === 'object',
  );
  const message = entries
    .map((entry) =>
      [entry.title, entry.detail].filter((part) => typeof part === 'string').join(': '),
    )
    .join('; ')
    .slice(0, 300);
  if (entries.some((entry) => entry.title === 'operational-disconnect'))
    return { kind: 'operational-disconnect', message };
  return { kind: 'error', message: message || 'error object without data' };
}
