/**
 * Structural checks for stream lines, limited to what the job needs to count a post. A few
 * `typeof` tests per field, no schema library: they run for every post (~150,000 a second at
 * peak), and allocate nothing unless a field has to be dropped.
 *
 * A post is refused only when it cannot be counted: `data` not an object, no string `id`, no
 * string `text`. Any other field the job reads (`created_at`, `lang`, `author_id`, `entities`,
 * `note_tweet`, `referenced_tweets`) that has an odd shape is removed from the parsed object, so
 * the post counts as if X had left it out. Fields the job never reads (`includes`,
 * `matching_rules`, `edit_history_tweet_ids`, anything new) are not looked at.
 */

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reason `data` cannot be counted, or `undefined` once its odd optional fields are dropped.
 * Mutates `data` (the caller's freshly parsed object) only when something is odd.
 */
export function checkPost(data: unknown): string | undefined {
  if (!isObject(data)) return 'data is not an object';
  const id = data.id;
  if (typeof id !== 'string')
    return id === undefined ? 'missing data.id' : 'data.id is not a string';
  if (id.length === 0) return 'data.id is empty';
  const text = data.text;
  if (typeof text !== 'string') {
    return text === undefined ? 'missing data.text' : 'data.text is not a string';
  }
  dropOddFields(data);
  return undefined;
}

function dropOddFields(data: Json): void {
  dropUnlessString(data, 'created_at');
  dropUnlessString(data, 'lang');
  dropUnlessString(data, 'author_id');
  // Unusable entities: the hashtags are then taken from the text, as for a post without them.
  if (data.entities !== undefined && !usableEntities(data.entities)) delete data.entities;
  if (data.note_tweet !== undefined) dropOddNoteTweet(data);
  if (data.referenced_tweets !== undefined) dropOddReferences(data);
}

function dropUnlessString(obj: Json, field: string): void {
  const value = obj[field];
  if (value !== undefined && typeof value !== 'string') delete obj[field];
}

/** An object whose `hashtags`, when present, is an array of objects with a string `tag`. */
function usableEntities(entities: unknown): boolean {
  if (!isObject(entities)) return false;
  const hashtags = entities.hashtags;
  if (hashtags === undefined) return true;
  if (!Array.isArray(hashtags)) return false;
  for (let index = 0; index < hashtags.length; index++) {
    const hashtag: unknown = hashtags[index];
    if (!isObject(hashtag) || typeof hashtag.tag !== 'string') return false;
  }
  return true;
}

/**
 * A note tweet without a string `text` is dropped. One with unusable entities keeps its text and
 * loses its entities and the post's own (those of the cut `text`), so its hashtags are taken
 * from the full text.
 */
function dropOddNoteTweet(data: Json): void {
  const note = data.note_tweet;
  if (!isObject(note) || typeof note.text !== 'string') {
    delete data.note_tweet;
    return;
  }
  if (note.entities !== undefined && !usableEntities(note.entities)) {
    delete note.entities;
    delete data.entities;
  }
}

/**
 * Only `type` is read (is it a retweet?), as any string: a reference type added by X later must
 * not make the post unreadable. Entries without a string type are left out; a value that is not
 * an array is dropped.
 */
function dropOddReferences(data: Json): void {
  const refs = data.referenced_tweets;
  if (!Array.isArray(refs)) {
    delete data.referenced_tweets;
    return;
  }
  const usable = (ref: unknown) => isObject(ref) && typeof ref.type === 'string';
  if (!refs.every(usable)) data.referenced_tweets = refs.filter(usable);
}
