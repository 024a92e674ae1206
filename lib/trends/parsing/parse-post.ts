import { extractHashtags } from './extract-hashtags';
import { hashtagKey } from './hashtag-key';
import { withoutTruncatedHashtag } from './retweet-truncation';
import { parseTimestampMs } from './iso-time';
import { normalizeLanguage } from '../filters/language-code';
import { authorNamesOf } from './post-author';
import type { HashtagEntity, ParsedPost, Post } from '../types';

/**
 * What the job keeps of a post. Hashtags come from, in order of preference:
 * 1. `note_tweet.entities.hashtags`: a long post's full text is in `note_tweet`, and `text` is
 *    cut, so its own entities miss the hashtags past the cut;
 * 2. `entities.hashtags`, X's own extraction;
 * 3. `extractHashtags(note_tweet.text ?? text)`, only when the post has no `entities` at all
 *    (fixtures or requests without `tweet.fields=entities`). A post whose `entities` lack
 *    `hashtags` has none: X leaves the key out rather than send an empty list. A retweet's
 *    last hashtag cut by X's truncation ellipsis is left out (see `retweet-truncation.ts`).
 * Each hashtag key counts once per post; the first spelling seen is kept.
 *
 * The detail fields come along: `text`, `lang`, `created_at` (`createdAtMs`, when the caller has
 * not parsed it already) and the author's names from the line's `includes` (see `post-author.ts`).
 */
export function toParsedPost(
  post: Post,
  includes?: unknown,
  createdAtMs: number | undefined = postTimeMs(post),
): ParsedPost {
  const retweetOf = retweetedId(post.referenced_tweets);
  const author = authorNamesOf(includes, post.author_id);
  return {
    id: post.id,
    authorId: post.author_id,
    isRetweet: retweetOf !== undefined,
    retweetOf,
    tags: distinctTags(rawTags(post)),
    text: post.text,
    lang: normalizeLanguage(post.lang),
    createdAtMs,
    authorUsername: author.username,
    authorName: author.name,
  };
}

/** `created_at` in ms since the epoch; undefined when missing or not a date. */
export function postTimeMs(post: Post): number | undefined {
  if (post.created_at === undefined) return undefined;
  const timeMs = parseTimestampMs(post.created_at);
  return Number.isNaN(timeMs) ? undefined : timeMs;
}

/** The id of the retweeted post, for a retweet. */
function retweetedId(refs: Post['referenced_tweets']): string | undefined {
  if (refs === undefined) return undefined;
  for (let index = 0; index < refs.length; index++) {
    if (refs[index]!.type === 'retweeted') return String(refs[index]!.id ?? '');
  }
  return undefined;
}

/** Shared and never mutated: `distinctTags` only reads it. */
const NO_TAGS: readonly string[] = [];

function rawTags(post: Post): readonly string[] {
  const noteHashtags = post.note_tweet?.entities?.hashtags;
  if (noteHashtags !== undefined) return tagsOf(noteHashtags);
  if (post.entities !== undefined) {
    const hashtags = post.entities.hashtags;
    // Most posts have none: no arrays to allocate for them.
    return hashtags === undefined || hashtags.length === 0 ? NO_TAGS : tagsOf(hashtags);
  }
  const note = post.note_tweet?.text;
  if (note !== undefined) return extractHashtags(note);
  return withoutTruncatedHashtag(post.text, extractHashtags(post.text));
}

function tagsOf(entities: HashtagEntity[]): string[] {
  return entities.map((entity) => entity.tag);
}

/** Linear scans for the usual handful of tags; a set guards long note tweets full of them. */
function distinctTags(spellings: readonly string[]): ParsedPost['tags'] {
  const tags: ParsedPost['tags'] = [];
  const seen = spellings.length > 16 ? new Set<string>() : undefined;
  for (const spelling of spellings) {
    if (spelling.length === 0) continue;
    const key = hashtagKey(spelling);
    if (seen ? seen.has(key) : hasKey(tags, key)) continue;
    seen?.add(key);
    tags.push({ key, spelling });
  }
  return tags;
}

function hasKey(tags: ParsedPost['tags'], key: string): boolean {
  for (let index = 0; index < tags.length; index++) if (tags[index]!.key === key) return true;
  return false;
}
