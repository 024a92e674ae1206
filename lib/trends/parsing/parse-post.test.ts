import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postTimeMs, toParsedPost } from './parse-post';
import type { HashtagEntity, Post } from '../types';

function postOf(overrides: Partial<Post> = {}): Post {
  return { id: '1', text: 'hello', ...overrides };
}

function hashtags(...tags: string[]): HashtagEntity[] {
  return tags.map((tag) => ({ start: 0, end: tag.length + 1, tag }));
}

function spellingsOf(post: Post): string[] {
  return toParsedPost(post).tags.map((tag) => tag.spelling);
}

describe('toParsedPost', () => {
  it('keeps a language code in lower case and leaves an odd lang out', () => {
    expect(toParsedPost(postOf({ lang: 'pt' })).lang).toBe('pt');
    expect(toParsedPost(postOf({ lang: 'zh-TW' })).lang).toBe('zh-tw');
    expect(toParsedPost(postOf({ lang: 'und' })).lang).toBe('und');
    expect(toParsedPost(postOf()).lang).toBeUndefined();
    for (const odd of ['', 'p', 'portuguese', 'pt_BR', '__proto__', 12, null]) {
      expect(toParsedPost(postOf({ lang: odd as string })).lang).toBeUndefined();
    }
  });

  it('takes hashtags from the note tweet of a long post', () => {
    const post = postOf({
      text: 'a long post #one …',
      entities: { hashtags: hashtags('one') },
      note_tweet: {
        text: 'a long post #one and #two',
        entities: { hashtags: hashtags('one', 'two') },
      },
    });
    expect(spellingsOf(post)).toEqual(['one', 'two']);
  });

  it('takes hashtags from entities when there is no note tweet', () => {
    expect(
      spellingsOf(postOf({ text: '#ignored', entities: { hashtags: hashtags('A') } })),
    ).toEqual(['A']);
  });

  it('has no hashtags when entities exist without hashtags', () => {
    expect(spellingsOf(postOf({ text: 'look #here', entities: {} }))).toEqual([]);
  });

  it('extracts hashtags from the text when the post has no entities', () => {
    expect(spellingsOf(postOf({ text: 'go #Team #win' }))).toEqual(['Team', 'win']);
  });

  it('extracts from the note tweet text when the post has no entities', () => {
    const post = postOf({ text: 'cut …', note_tweet: { text: 'cut text #full' } });
    expect(spellingsOf(post)).toEqual(['full']);
  });

  it('counts each key once and keeps the first spelling', () => {
    const post = postOf({
      entities: { hashtags: hashtags('WorldCup', 'worldcup', 'ＷｏｒｌｄＣｕｐ', 'x') },
    });
    expect(toParsedPost(post).tags).toEqual([
      { key: 'worldcup', spelling: 'WorldCup' },
      { key: 'x', spelling: 'x' },
    ]);
  });

  it('dedupes long lists of tags too', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Tag${i % 20}`);
    expect(toParsedPost(postOf({ entities: { hashtags: hashtags(...many) } })).tags).toHaveLength(
      20,
    );
  });

  it('marks retweets and keeps the author', () => {
    const parsed = toParsedPost(
      postOf({ author_id: '42', referenced_tweets: [{ type: 'retweeted', id: '9' }] }),
    );
    expect(parsed).toMatchObject({ id: '1', authorId: '42', isRetweet: true });
  });

  it('does not take quotes or replies for retweets', () => {
    const parsed = toParsedPost(
      postOf({
        referenced_tweets: [
          { type: 'quoted', id: '9' },
          { type: 'replied_to', id: '8' },
        ],
      }),
    );
    expect(parsed.isRetweet).toBe(false);
    expect(parsed.authorId).toBeUndefined();
  });

  it('returns distinct keys that are each the key of a kept spelling', () => {
    const tagArb = fc.constantFrom(
      'Rust',
      'rust',
      'RUST',
      'ｒｕｓｔ',
      'go',
      'Go',
      'café',
      'cafe\u0301',
    );
    fc.assert(
      fc.property(fc.array(tagArb), (tags) => {
        const parsed = toParsedPost(postOf({ entities: { hashtags: hashtags(...tags) } }));
        const keys = parsed.tags.map((tag) => tag.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(parsed.tags.map((tag) => tag.spelling)).toEqual(
          tags.filter(
            (tag, i) =>
              tags.findIndex(
                (other) =>
                  other.normalize('NFKC').toLowerCase() === tag.normalize('NFKC').toLowerCase(),
              ) === i,
          ),
        );
      }),
    );
  });
});

describe('postTimeMs', () => {
  it('parses created_at', () => {
    expect(postTimeMs(postOf({ created_at: '2026-11-26T06:00:00.000Z' }))).toBe(
      Date.UTC(2026, 10, 26, 6),
    );
  });

  it('is undefined when created_at is missing or not a date', () => {
    expect(postTimeMs(postOf())).toBeUndefined();
    expect(postTimeMs(postOf({ created_at: 'yesterday-ish' }))).toBeUndefined();
  });
});

describe('toParsedPost: what a tag detail shows', () => {
  it('keeps the text, lang, time and the author names from includes.users', () => {
    const post = postOf({
      text: 'hi #a',
      lang: 'pt',
      author_id: 'u2',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    const includes = {
      users: [
        { id: 'u1', username: 'other' },
        { id: 'u2', username: 'me', name: 'Me' },
      ],
    };
    expect(toParsedPost(post, includes)).toMatchObject({
      text: 'hi #a',
      lang: 'pt',
      createdAtMs: Date.parse('2026-01-01T00:00:00.000Z'),
      authorUsername: 'me',
      authorName: 'Me',
    });
  });

  it('leaves odd user expansions out and keeps the post', () => {
    const post = postOf({ text: '#a', author_id: 'u2' });
    for (const includes of [
      null,
      'x',
      { users: 'x' },
      { users: [null, { id: 'u2', username: 5 }] },
    ]) {
      const parsed = toParsedPost(post, includes);
      expect(parsed.tags).toHaveLength(1);
      expect(parsed.authorUsername).toBeUndefined();
      expect(parsed.authorName).toBeUndefined();
    }
  });
});
