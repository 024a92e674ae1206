import { describe, expect, it } from 'vitest';
import type { CountedLine } from '@/lib/trends/parsing/parse-timed-line';
import type { ParsedPost } from '@/lib/trends/types';
import { decodeTimedLines, encodeTimedLines } from './timed-lines-codec';
import { parseChunk } from '../sources/fixture/parse-chunk';

function roundTrip(lines: readonly CountedLine[]): CountedLine[] {
  return decodeTimedLines(encodeTimedLines(lines));
}

describe('timed lines codec', () => {
  it('carries every field of a parsed post', () => {
    // `Required`: a field added to `ParsedPost` does not compile here until it is set, and then
    // fails the round trip until the codec carries it.
    const full: Required<ParsedPost> = {
      id: '2',
      authorId: 'a',
      isRetweet: true,
      retweetOf: '1',
      tags: [{ key: 'étè', spelling: 'ÉtÈ' }],
      text: 'RT @u: #ÉtÈ <b>',
      lang: 'fr',
      createdAtMs: 1_234,
      authorUsername: 'someone',
      authorName: 'Some One',
    };
    const lines: CountedLine[] = [{ kind: 'post', post: full, timeMs: 1_000 }];
    expect(roundTrip(lines)).toStrictEqual(lines);
  });

  it('gives back what the parser made, with the same keys, for posts, retweets and bad lines', () => {
    const createdAt = '2026-03-01T12:00:00.000Z';
    const raw = [
      { data: { id: '1', text: '#One #two', created_at: createdAt, author_id: 'u1' } },
      {
        data: {
          id: '2',
          text: 'RT @u1: #One',
          created_at: createdAt,
          referenced_tweets: [{ type: 'retweeted', id: '1' }],
        },
      },
      {
        data: {
          id: '3',
          text: 'quoted',
          author_id: 'u3',
          lang: 'en',
          referenced_tweets: [{ type: 'quoted', id: '1' }],
        },
        includes: { users: [{ id: 'u3', username: 'three', name: 'Three' }] },
      },
      { data: { text: 'no id', created_at: createdAt } },
    ].map((line) => JSON.stringify(line));
    const parsed = parseChunk(Buffer.from([...raw, '{not json', ''].join('\n') + '\n'), 1_000_000);
    expect(parsed.map((line) => line.kind)).toEqual(['post', 'post', 'post', 'bad', 'bad']);
    // A post without tags comes back without what only a tag's detail shows.
    const counted = parsed.map((line) =>
      line.kind === 'post' && line.post.tags.length === 0
        ? {
            ...line,
            post: {
              ...line.post,
              text: undefined,
              authorUsername: undefined,
              authorName: undefined,
            },
          }
        : line,
    );
    expect(counted[2]).not.toStrictEqual(parsed[2]);
    expect(roundTrip(parsed)).toStrictEqual(counted);
  });
});
