/**
 * An independent model of what the server must report for a fixture replayed in virtual time,
 * for integration tests: plain JSON parsing and a simple hashtag regex, nothing from the job.
 *
 * Rules modelled: the clock follows each line's `created_at` and never goes back; a post joins
 * batch `floor(clock / interval) * interval + interval`; a repeated id is dropped; each hashtag
 * key (NFKC, lower case, no `#`) counts once per post; hashtags come from
 * `note_tweet.entities`, else `entities`, else the text (where a retweet's last hashtag cut by
 * the final `…` does not count). Plain or gzip files.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface ModelPost {
  batchTime: number;
  keys: string[];
}

const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function tagsOf(data: Json): string[] {
  const noteTags = data.note_tweet?.entities?.hashtags;
  if (noteTags) return noteTags.map((entity: Json) => entity.tag);
  if (data.entities) return (data.entities.hashtags ?? []).map((entity: Json) => entity.tag);
  const text: string = data.note_tweet?.text ?? data.text;
  const tags = [...text.matchAll(HASHTAG)].map((match) => match[1]!);
  const cutByEllipsis = /^RT @/.test(text) && /[#＃][\p{L}\p{M}\p{N}_]+…\s*$/u.test(text);
  return data.note_tweet?.text === undefined && cutByEllipsis ? tags.slice(0, -1) : tags;
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function modelPosts(path: string, batchIntervalMs: number): ModelPost[] {
  const posts: ModelPost[] = [];
  const seen = new Set<string>();
  let clockMs = -Infinity;
  for (const raw of readText(path).split('\n')) {
    let line: Json;
    try {
      line = JSON.parse(raw);
    } catch {
      continue;
    }
    const data = line?.data;
    if (typeof data?.created_at === 'string')
      clockMs = Math.max(clockMs, Date.parse(data.created_at));
    if (typeof data?.id !== 'string' || typeof data.text !== 'string' || seen.has(data.id))
      continue;
    seen.add(data.id);
    const keys = new Set(tagsOf(data).map((tag) => tag.normalize('NFKC').toLowerCase()));
    const batchTime = Math.floor(clockMs / batchIntervalMs) * batchIntervalMs + batchIntervalMs;
    posts.push({ batchTime, keys: [...keys].filter(Boolean) });
  }
  return posts;
}

/** Posts and per-key counts of the window of `windowMs` ending with batch `batchTime`. */
export function windowCounts(posts: readonly ModelPost[], batchTime: number, windowMs: number) {
  const counts = new Map<string, number>();
  let tweets = 0;
  for (const post of posts) {
    if (post.batchTime > batchTime || post.batchTime <= batchTime - windowMs) continue;
    tweets++;
    for (const key of post.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { tweets, counts };
}

/** Per-key counts of one batch. */
export function batchCounts(posts: readonly ModelPost[], batchTime: number): Map<string, number> {
  return windowCounts(posts, batchTime, 1).counts;
}
