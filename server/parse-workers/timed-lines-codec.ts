import type { CountedLine } from '@/lib/trends/parsing/parse-timed-line';
import type { ParsedPost } from '@/lib/trends/types';

/**
 * Parsed lines in the compact form a parse worker sends back: a few typed arrays (transferred)
 * and the strings in the order they are read. Cheaper to clone and to rebuild than the objects
 * themselves, and far cheaper than the JSON they came from.
 *
 * A post without hashtags comes back with what counting reads (id, author, retweet, language,
 * time), not with what only a tag's detail shows (text, author's username and name; see
 * `ParsedPost`): most posts have no hashtag, and their text was most of the bytes to clone.
 */
export interface EncodedLines {
  /** Per line: `POST` (else a bad line), `RETWEET`, and one flag per optional field present. */
  flags: Uint16Array;
  /** Per line: its time when `TIMED`. */
  timesMs: Float64Array;
  /** Per post: `created_at` in ms when `CREATED`. */
  createdAtMs: Float64Array;
  /** Per post: how many distinct tags. */
  tagCounts: Uint32Array;
  /**
   * Per post: id, text (posts with tags only), then author id, retweeted id, lang, username,
   * name (each only when flagged), then key and spelling of each tag; per bad line: the reason.
   */
  strings: string[];
}

const POST = 1;
const RETWEET = 2;
const AUTHOR = 4;
const TIMED = 8;
const RETWEET_OF = 16;
const LANG = 32;
const USERNAME = 64;
const NAME = 128;
const CREATED = 256;
/** Fields only a tag's detail shows: left out of posts without tags. */
const DETAIL_ONLY = USERNAME | NAME;

/** The optional string fields of a post, in the order they are written. */
const OPTIONAL_STRINGS = [
  ['authorId', AUTHOR],
  ['retweetOf', RETWEET_OF],
  ['lang', LANG],
  ['authorUsername', USERNAME],
  ['authorName', NAME],
] as const;

export function encodeTimedLines(lines: readonly CountedLine[]): EncodedLines {
  const flags = new Uint16Array(lines.length);
  const timesMs = new Float64Array(lines.length);
  const createdAtMs = new Float64Array(lines.length);
  const tagCounts = new Uint32Array(lines.length);
  const strings: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let flag = line.timeMs === undefined ? 0 : TIMED;
    timesMs[index] = line.timeMs ?? 0;
    if (line.kind === 'bad') {
      strings.push(line.reason);
    } else {
      const { post } = line;
      flag |= POST | (post.isRetweet ? RETWEET : 0);
      const detailed = post.tags.length > 0;
      strings.push(post.id);
      if (detailed) strings.push(post.text ?? '');
      for (const [field, bit] of OPTIONAL_STRINGS) {
        const value = post[field];
        if (value === undefined || (!detailed && (bit & DETAIL_ONLY) !== 0)) continue;
        flag |= bit;
        strings.push(value);
      }
      if (post.createdAtMs !== undefined) {
        flag |= CREATED;
        createdAtMs[index] = post.createdAtMs;
      }
      tagCounts[index] = post.tags.length;
      for (const tag of post.tags) strings.push(tag.key, tag.spelling);
    }
    flags[index] = flag;
  }
  return { flags, timesMs, createdAtMs, tagCounts, strings };
}

/** The buffers to transfer along with `encoded`. */
export function transferablesOf(encoded: EncodedLines): ArrayBuffer[] {
  const { flags, timesMs, createdAtMs, tagCounts } = encoded;
  return [flags.buffer, timesMs.buffer, createdAtMs.buffer, tagCounts.buffer] as ArrayBuffer[];
}

export function decodeTimedLines(encoded: EncodedLines): CountedLine[] {
  const { flags, timesMs, tagCounts, strings } = encoded;
  const lines: CountedLine[] = new Array<CountedLine>(flags.length);
  let next = 0;
  const optional = (flag: number, bit: number) => (flag & bit ? strings[next++] : undefined);
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index]!;
    const timeMs = flag & TIMED ? timesMs[index] : undefined;
    if ((flag & POST) === 0) {
      lines[index] = { kind: 'bad', reason: strings[next++]!, timeMs };
      continue;
    }
    const tagCount = tagCounts[index]!;
    const id = strings[next++]!;
    const text = tagCount > 0 ? strings[next++]! : undefined;
    const authorId = optional(flag, AUTHOR);
    const retweetOf = optional(flag, RETWEET_OF);
    const lang = optional(flag, LANG);
    const authorUsername = optional(flag, USERNAME);
    const authorName = optional(flag, NAME);
    const tags: ParsedPost['tags'] = [];
    for (let tag = tagCount; tag > 0; tag--) {
      tags.push({ key: strings[next]!, spelling: strings[next + 1]! });
      next += 2;
    }
    // Same property order as `toParsedPost`: one object shape for the job's hot paths.
    const post: ParsedPost = {
      id,
      authorId,
      isRetweet: (flag & RETWEET) !== 0,
      retweetOf,
      tags,
      text,
      lang,
      createdAtMs: flag & CREATED ? encoded.createdAtMs[index] : undefined,
      authorUsername,
      authorName,
    };
    lines[index] = { kind: 'post', post, timeMs };
  }
  return lines;
}
