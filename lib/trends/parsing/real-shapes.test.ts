/**
 * Stream lines in the shapes X has really sent over the years (taken from public recordings,
 * texts shortened): each must parse and count its hashtags as X's own entities do.
 */
import { describe, expect, it } from 'vitest';
import { parseStreamLine } from './parse-line';
import { toParsedPost } from './parse-post';
import { withoutTruncatedHashtag } from './retweet-truncation';

function tagsOf(line: object): string[] {
  const result = parseStreamLine(JSON.stringify(line));
  if (!result.ok) throw new Error(result.reason);
  return toParsedPost(result.line.data).tags.map((tag) => tag.spelling);
}

describe('stream lines as X has sent them', () => {
  it('counts a 2021 filtered-stream line with a numeric rule id and a null rule tag', () => {
    const line = {
      data: {
        id: '1382019435463999488',
        text: 'Go #Bitcoin',
        author_id: '1',
        created_at: '2021-04-13T17:00:00.000Z',
        entities: { hashtags: [{ start: 3, end: 11, tag: 'Bitcoin' }] },
      },
      matching_rules: [{ id: 1377649934414049300, tag: null }],
    };
    expect(tagsOf(line)).toEqual(['Bitcoin']);
  });

  it('counts a post without lang, without entities and without author', () => {
    expect(tagsOf({ data: { id: '2', text: 'gm #crypto #NFTs' } })).toEqual(['crypto', 'NFTs']);
  });

  it('counts a post whose includes carry no users, or posts and media only', () => {
    const data = { id: '3', text: '#a', entities: { hashtags: [{ start: 0, end: 2, tag: 'a' }] } };
    expect(tagsOf({ data, includes: {} })).toEqual(['a']);
    expect(tagsOf({ data, includes: { tweets: [{ id: '9', text: 'x' }], media: [{}] } })).toEqual([
      'a',
    ]);
    expect(tagsOf({ data, includes: { users: [{ username: 'no id' }] } })).toEqual(['a']);
  });

  it('takes a retweet cut mid-hashtag at its entities, which leave the cut tag out', () => {
    const line = {
      data: {
        id: '4',
        text: 'RT @user: here #BlackLivesMatter #Fr…',
        referenced_tweets: [{ type: 'retweeted', id: '5' }],
        entities: {
          hashtags: [{ start: 16, end: 33, tag: 'BlackLivesMatter' }],
          mentions: [{ start: 3, end: 8, username: 'user', id: '6' }],
        },
      },
    };
    expect(tagsOf(line)).toEqual(['BlackLivesMatter']);
  });

  it('leaves a hashtag cut by the ellipsis out of a retweet recorded without entities', () => {
    const text = 'RT @a: good news #Web3 #NFT #Crypto #Eth…';
    expect(tagsOf({ data: { id: '7', text } })).toEqual(['Web3', 'NFT', 'Crypto']);
    expect(tagsOf({ data: { id: '8', text: `${text} ` } })).toEqual(['Web3', 'NFT', 'Crypto']);
  });

  it('keeps a hashtag followed by an ellipsis that does not end a retweet', () => {
    expect(tagsOf({ data: { id: '9', text: 'wait for it #Eth…' } })).toEqual(['Eth']);
    expect(tagsOf({ data: { id: '10', text: 'RT @a: #Eth… and more' } })).toEqual(['Eth']);
    expect(tagsOf({ data: { id: '11', text: 'RT @a: #Eth #Bitcoin…' } })).toEqual(['Eth']);
  });

  it('ignores unknown fields everywhere', () => {
    const line = {
      data: {
        id: '12',
        text: 'new #things',
        edit_history_tweet_ids: ['12'],
        edit_controls: { edits_remaining: 5 },
        public_metrics: { retweet_count: 0 },
        possibly_sensitive: false,
        entities: {
          hashtags: [{ start: 4, end: 11, tag: 'things', probability: 0.9 }],
          annotations: [{}],
          cashtags: 'odd',
        },
        context_annotations: null,
        future_field: { deep: [1, 'two', null] },
      },
      includes: { users: 'odd', places: [] },
      matching_rules: [{ id: '1', tag: 'rule' }, 'odd', 7],
      future_top_level: true,
    };
    expect(tagsOf(line)).toEqual(['things']);
  });
});

describe('withoutTruncatedHashtag', () => {
  it('drops only the last tag, only when it directly precedes the final ellipsis', () => {
    expect(withoutTruncatedHashtag('RT @a: #x #y…', ['x', 'y'])).toEqual(['x']);
    expect(withoutTruncatedHashtag('RT @a: #y #y…', ['y', 'y'])).toEqual(['y']);
    expect(withoutTruncatedHashtag('RT @a: ＃日本…', ['日本'])).toEqual([]);
    expect(withoutTruncatedHashtag('RT @a: #x y…', ['x'])).toEqual(['x']);
    expect(withoutTruncatedHashtag('RT @a: #xy…', ['y'])).toEqual(['y']);
    expect(withoutTruncatedHashtag('#x…', ['x'])).toEqual(['x']);
  });
});
