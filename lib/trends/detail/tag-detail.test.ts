import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { post } from '../job/trends-job.test-helpers';
import type { ParsedPost } from '../types';
import type { TagDetailSnapshot } from './detail-types';
import { TagDetail } from './tag-detail';

const MINUTE = 60_000;
const everyTag = () => true;

function original(id: string, tags: string[], extra: Partial<ParsedPost> = {}): ParsedPost {
  return { ...post(id, tags), text: `text of ${id}`, lang: 'en', createdAtMs: 1000, ...extra };
}

function retweet(id: string, of: string, tags: string[]): ParsedPost {
  return {
    ...post(id, tags),
    isRetweet: true,
    retweetOf: of,
    text: `RT @orig_author: text of ${of}`,
    lang: 'en',
  };
}

const idsOf = (detail: TagDetail, key: string) => detail.postsOf(key).map((kept) => kept.id);

describe('TagDetail: latest posts', () => {
  it('keeps the latest posts of each tag, newest first, at most postsPerTag', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE, postsPerTag: 3 });
    for (let index = 1; index <= 5; index++) {
      detail.addBatch([original(`p${index}`, ['a'])], index * 2000, everyTag);
    }
    expect(idsOf(detail, 'a')).toEqual(['p5', 'p4', 'p3']);
    expect(detail.sizes().detailPosts).toBe(3);
  });

  it('groups retweets under their original with a repost count, and moves it first', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    detail.addBatch([original('o1', ['a'], { authorUsername: 'ann' })], 2000, everyTag);
    detail.addBatch([original('o2', ['a'])], 4000, everyTag);
    detail.addBatch([retweet('r1', 'o1', ['a']), retweet('r2', 'o1', ['a'])], 6000, everyTag);
    expect(idsOf(detail, 'a')).toEqual(['o1', 'o2']);
    expect(detail.postsOf('a')[0]).toMatchObject({
      text: 'text of o1',
      username: 'ann',
      repostCount: 2,
      lastSeenMs: 6000,
    });
  });

  it('shows a retweet whose original was not seen as the original, then takes the original', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    detail.addBatch([retweet('r1', 'o9', ['a'])], 2000, everyTag);
    expect(detail.postsOf('a')[0]).toMatchObject({
      id: 'o9',
      text: 'text of o9',
      username: 'orig_author',
      authorId: null,
      repostCount: 1,
    });
    detail.addBatch(
      [original('o9', ['a'], { authorId: 'u9', authorUsername: 'real' })],
      4000,
      everyTag,
    );
    expect(detail.postsOf('a')[0]).toMatchObject({
      authorId: 'u9',
      username: 'real',
      repostCount: 1,
    });
  });

  it('takes a batch whole: a post pushed out and seen again keeps its original and reposts', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE, postsPerTag: 2 });
    detail.addBatch(
      [
        original('o1', ['a'], { authorUsername: 'ann' }),
        retweet('r1', 'o1', ['a']),
        original('p2', ['a']),
        original('p3', ['a']),
        retweet('r2', 'o1', ['a']),
      ],
      2000,
      everyTag,
    );
    // One post at a time, o1 would have left the list after p3 and come back as a stand-in.
    expect(idsOf(detail, 'a')).toEqual(['o1', 'p3']);
    expect(detail.postsOf('a')[0]).toMatchObject({
      original: true,
      username: 'ann',
      repostCount: 2,
    });
    expect(detail.sizes().detailPosts).toBe(2);
  });

  it('counts the reposts of a kept post seen under a tag that is not followed', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    detail.addBatch([original('o1', ['a', 'b'])], 2000, everyTag);
    detail.addBatch([retweet('r1', 'o1', ['b'])], 4000, (key) => key === 'a');
    expect(detail.postsOf('a')[0]).toMatchObject({ repostCount: 1, lastSeenMs: 4000 });
  });

  it('keeps a post shared by several tags once', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    detail.addBatch([original('p1', ['a', 'b', 'c'])], 2000, everyTag);
    expect(detail.postsOf('a')[0]).toBe(detail.postsOf('c')[0]);
    expect(detail.sizes().detailPosts).toBe(1);
  });

  it('keeps only the tags that matter and lets go of those that stop mattering', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    const matters = new Set(['a']);
    detail.addBatch([original('p1', ['a', 'b'])], 2000, (key) => matters.has(key));
    expect(idsOf(detail, 'b')).toEqual([]);
    matters.clear();
    detail.sweep((key) => matters.has(key));
    expect(detail.sizes()).toEqual({ detailTags: 0, detailPosts: 0, relatedUnits: 0 });
  });

  it('cuts long texts, never inside a surrogate pair', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE, maxTextLength: 5 });
    detail.addBatch([original('p1', ['a'], { text: 'abcd😀efgh' })], 2000, everyTag);
    expect(detail.postsOf('a')[0]!.text).toBe('abcd');
  });
});

describe('TagDetail: related tags', () => {
  it('counts the tags of the same posts over exactly the batches of the window', () => {
    const detail = new TagDetail({ longestWindowMs: 5 * MINUTE });
    detail.addBatch([original('p1', ['a', 'b']), original('p2', ['a', 'b', 'c'])], 2000, everyTag);
    detail.addBatch([original('p3', ['a', 'c'])], MINUTE + 2000, everyTag);
    expect(detail.relatedOf('a', MINUTE, MINUTE + 2000)).toEqual({
      related: [['c', 1]],
      posts: 1,
      countedSinceMs: 2000,
      missed: 0,
    });
    expect(detail.relatedOf('a', 5 * MINUTE, MINUTE + 2000).related).toEqual([
      ['b', 2],
      ['c', 2],
    ]);
  });

  it('drops buckets older than the longest window', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    detail.addBatch([original('p1', ['a', 'b'])], 2000, everyTag);
    detail.addBatch([original('p2', ['a'])], MINUTE + 2000, everyTag);
    expect(detail.relatedOf('a', MINUTE, MINUTE + 2000).related).toEqual([]);
    // One bucket per tag with posts in the batch kept: a's and b's gone, a's new one kept.
    expect(detail.sizes().relatedUnits).toBe(1);
  });

  it('stays within its unit bound: least recently seen tags are counted again from later', () => {
    const detail = new TagDetail({ longestWindowMs: 60 * MINUTE, maxRelatedUnits: 50 });
    for (let batch = 1; batch <= 40; batch++) {
      const posts = [original(`p${batch}`, [`t${batch}`, 'x', 'y'])];
      detail.addBatch(posts, batch * 2000, everyTag);
      expect(detail.sizes().relatedUnits).toBeLessThanOrEqual(50);
    }
    const xRelated = detail.relatedOf('x', 60 * MINUTE, 80_000);
    expect(xRelated.countedSinceMs).toBeGreaterThan(2000);
    const counted = xRelated.related.find(([key]) => key === 'y')![1];
    expect(counted).toBe(xRelated.posts);
    expect(detail.relatedOf('t1', 60 * MINUTE, 80_000).countedSinceMs).toBeNull();
  });

  it('orders tags by their latest post, within a batch too', () => {
    const detail = new TagDetail({ longestWindowMs: 60 * MINUTE, maxRelatedUnits: 10 });
    detail.addBatch(
      [original('p1', ['a', 'x']), original('p2', ['b', 'x']), original('p3', ['a', 'y'])],
      2000,
      everyTag,
    );
    const order = () => detail.snapshot().coOccurrence.map(([key]) => key);
    expect(order()).toEqual(['b', 'x', 'a', 'y']);
    // Over the bound, b then x (least recently seen) go first, though seen in the same batch as a.
    detail.addBatch([original('p4', ['c', 'z'])], 4000, everyTag);
    expect(order()).toEqual(['a', 'y', 'c', 'z']);
    expect(detail.relatedOf('x', 60 * MINUTE, 4000).countedSinceMs).toBeNull();
    expect(detail.relatedOf('a', 60 * MINUTE, 4000).related).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
  });

  it('lets go of the least recently seen tags first when the bound is reached mid-batch', () => {
    const detail = new TagDetail({ longestWindowMs: 60 * MINUTE, maxRelatedUnits: 10 });
    detail.addBatch(
      [
        original('p1', ['a', 'x']),
        original('p2', ['b', 'x']),
        original('p3', ['a', 'y']),
        original('p4', ['c', 'z']),
      ],
      2000,
      everyTag,
    );
    expect(detail.snapshot().coOccurrence.map(([key]) => key)).toEqual(['a', 'y', 'c', 'z']);
    expect(detail.relatedOf('b', 60 * MINUTE, 2000).countedSinceMs).toBeNull();
    expect(detail.sizes().relatedUnits).toBe(9);
  });

  it('bounds the followed tags, least recently seen first', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE, maxTags: 2 });
    detail.addBatch([original('p1', ['a'])], 2000, everyTag);
    detail.addBatch([original('p2', ['b'])], 4000, everyTag);
    detail.addBatch([original('p3', ['c'])], 6000, everyTag);
    expect(detail.isFollowed('a')).toBe(false);
    expect(detail.sizes()).toMatchObject({ detailTags: 2, detailPosts: 2 });
  });
});

describe('TagDetail: checkpoint', () => {
  it('answers the same after a snapshot round trip through V8 serialisation', () => {
    const detail = new TagDetail({ longestWindowMs: 5 * MINUTE });
    detail.addBatch([original('o1', ['a', 'b']), retweet('r1', 'o1', ['a', 'b'])], 2000, everyTag);
    detail.addBatch([original('o2', ['a', 'c'])], 4000, everyTag);
    const restored = new TagDetail({ longestWindowMs: 5 * MINUTE });
    restored.restore(deserialize(serialize(detail.snapshot())) as TagDetailSnapshot);
    for (const key of ['a', 'b', 'c', '__proto__']) {
      expect(restored.postsOf(key)).toEqual(detail.postsOf(key));
      expect(restored.relatedOf(key, MINUTE, 4000)).toEqual(detail.relatedOf(key, MINUTE, 4000));
    }
    expect(restored.sizes()).toEqual(detail.sizes());
    expect(restored.postsOf('a')[1]).toBe(restored.postsOf('b')[0]);
    restored.addBatch([retweet('r2', 'o1', ['b'])], 6000, everyTag);
    expect(restored.postsOf('a')[1]!.repostCount).toBe(2);
  });

  it('refuses a snapshot whose lists point at missing posts', () => {
    const detail = new TagDetail({ longestWindowMs: MINUTE });
    expect(() => detail.restore({ posts: [], lists: [['a', [3]]], coOccurrence: [] })).toThrow(
      TypeError,
    );
  });
});
