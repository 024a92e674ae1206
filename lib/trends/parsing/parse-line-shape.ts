/**
 * Hand-written structural checks for stream lines: a few `typeof` tests per field, no schema
 * library, because they run for every post (~150,000 a second at peak). Each check returns the
 * reason a value is rejected, or `undefined` when it has the shape of its TypeScript type.
 * Unknown fields are ignored; optional fields are checked only when present (not `undefined`).
 */

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reason when `obj[field]` is present but not a string. */
function optionalString(obj: Json, field: string, path: string): string | undefined {
  const value = obj[field];
  return value === undefined || typeof value === 'string'
    ? undefined
    : `${path}.${field} is not a string`;
}

/** `entities` of a post or of a note tweet: `hashtags`, when present, are objects with a string `tag`. */
function checkEntities(entities: unknown, path: string): string | undefined {
  if (entities === undefined) return undefined;
  if (!isObject(entities)) return `${path} is not an object`;
  const hashtags = entities.hashtags;
  if (hashtags === undefined) return undefined;
  if (!Array.isArray(hashtags)) return `${path}.hashtags is not an array`;
  for (const hashtag of hashtags) {
    if (!isObject(hashtag) || typeof hashtag.tag !== 'string') {
      return `${path}.hashtags has an entry without a string tag`;
    }
  }
  return undefined;
}

function checkNoteTweet(note: unknown): string | undefined {
  if (note === undefined) return undefined;
  if (!isObject(note)) return 'data.note_tweet is not an object';
  if (typeof note.text !== 'string') return 'data.note_tweet.text is not a string';
  return checkEntities(note.entities, 'data.note_tweet.entities');
}

/**
 * `type` is checked to be a string, not one of the three known values: a reference type added by
 * X later must not make the whole post unreadable (only `retweeted` is ever compared).
 */
function checkReferencedTweets(refs: unknown): string | undefined {
  if (refs === undefined) return undefined;
  if (!Array.isArray(refs)) return 'data.referenced_tweets is not an array';
  for (const ref of refs) {
    if (!isObject(ref) || typeof ref.type !== 'string' || typeof ref.id !== 'string') {
      return 'data.referenced_tweets has an entry without a string type and id';
    }
  }
  return undefined;
}

/** Reason `data` is not a `Post`, or `undefined`. */
export function checkPost(data: unknown): string | undefined {
  if (!isObject(data)) return 'data is not an object';
  if (data.id === undefined) return 'missing data.id';
  if (typeof data.id !== 'string') return 'data.id is not a string';
  if (data.text === undefined) return 'missing data.text';
  if (typeof data.text !== 'string') return 'data.text is not a string';
  return (
    optionalString(data, 'created_at', 'data') ??
    optionalString(data, 'lang', 'data') ??
    optionalString(data, 'author_id', 'data') ??
    checkEntities(data.entities, 'data.entities') ??
    checkNoteTweet(data.note_tweet) ??
    checkReferencedTweets(data.referenced_tweets)
  );
}

/** Objects of `list` (when present) must each have a string `id`. */
function checkIdList(list: unknown, path: string): string | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) return `${path} is not an array`;
  for (const item of list) {
    if (!isObject(item) || typeof item.id !== 'string')
      return `${path} has an entry without a string id`;
  }
  return undefined;
}

/** Reason the line's `includes` and `matching_rules` (both optional) have the wrong shape. */
export function checkExtras(line: Json): string | undefined {
  const includes = line.includes;
  if (includes !== undefined) {
    if (!isObject(includes)) return 'includes is not an object';
    const reason = checkIdList(includes.users, 'includes.users');
    if (reason !== undefined) return reason;
  }
  return checkIdList(line.matching_rules, 'matching_rules');
}
