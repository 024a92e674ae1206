import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStreamLine } from './parse-line';
import { postTimeMs, toParsedPost } from './parse-post';
import { utf8ByteLength } from './parse-line-bytes';

const post = { id: '1', text: 'hello #world' };

/** Any UTF-16 unit, lone surrogates included. */
const utf16UnitArb = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

function lineOf(value: unknown): string {
  return JSON.stringify(value);
}

function reasonOf(raw: string, maxLineBytes?: number): string | undefined {
  const result = parseStreamLine(raw, maxLineBytes);
  return result.ok ? undefined : result.reason;
}

describe('parseStreamLine', () => {
  it('accepts a full X API v2 line and returns the parsed object', () => {
    const value = {
      data: {
        ...post,
        created_at: '2026-11-26T06:00:00.000Z',
        lang: 'en',
        author_id: '42',
        entities: { hashtags: [{ start: 6, end: 12, tag: 'world' }], urls: [] },
        note_tweet: {
          text: 'long #text',
          entities: { hashtags: [{ start: 5, end: 10, tag: 'text' }] },
        },
        referenced_tweets: [{ type: 'retweeted', id: '7' }],
        edit_history_tweet_ids: ['1'],
      },
      includes: { users: [{ id: '42', username: 'someone' }] },
      matching_rules: [{ id: '99', tag: 'sports' }],
    };
    expect(parseStreamLine(`${lineOf(value)}\r\n`)).toEqual({ ok: true, line: value });
  });

  it('reports keep-alive lines as empty', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('\r\n')).toBe('empty');
    expect(reasonOf('   \t')).toBe('empty');
  });

  it('rejects text that is not JSON', () => {
    expect(reasonOf('{"data":')).toBe('invalid JSON');
    expect(reasonOf('hello')).toBe('invalid JSON');
  });

  it('rejects JSON that is not an object', () => {
    expect(reasonOf('null')).toBe('not an object');
    expect(reasonOf('[1,2]')).toBe('not an object');
    expect(reasonOf('"text"')).toBe('not an object');
  });

  it('reports an error-only message as no data', () => {
    const errors = [{ title: 'operational-disconnect', detail: 'bye' }];
    expect(reasonOf(lineOf({ errors }))).toBe('no data');
  });

  it('rejects an object without data', () => {
    expect(reasonOf(lineOf({ meta: {} }))).toBe('missing data');
  });

  it('rejects a post without a string id or text', () => {
    expect(reasonOf(lineOf({ data: { text: 'x' } }))).toBe('missing data.id');
    expect(reasonOf(lineOf({ data: { id: 1, text: 'x' } }))).toBe('data.id is not a string');
    expect(reasonOf(lineOf({ data: { id: '1' } }))).toBe('missing data.text');
    expect(reasonOf(lineOf({ data: [] }))).toBe('data is not an object');
  });

  it('drops odd optional fields the job reads and keeps the post', () => {
    const withData = (extra: object) => parseStreamLine(lineOf({ data: { ...post, ...extra } }));
    const kept = (extra: object) => {
      const result = withData(extra);
      if (!result.ok) throw new Error(result.reason);
      return result.line.data;
    };
    expect(kept({ author_id: 42 })).toEqual(post);
    expect(kept({ created_at: null, lang: 7 })).toEqual(post);
    expect(kept({ entities: [] })).toEqual(post);
    expect(kept({ entities: { hashtags: {} } })).toEqual(post);
    expect(kept({ entities: { hashtags: [{ tag: 3 }, { tag: 'ok' }] } })).toEqual(post);
    expect(kept({ note_tweet: 'long' })).toEqual(post);
    expect(
      kept({ note_tweet: { text: 'long #x', entities: { hashtags: 1 } }, entities: {} }),
    ).toEqual({ ...post, note_tweet: { text: 'long #x' } });
    expect(kept({ referenced_tweets: {} })).toEqual(post);
    expect(kept({ referenced_tweets: [null, { type: 'retweeted' }, { id: '3' }] })).toEqual({
      ...post,
      referenced_tweets: [{ type: 'retweeted' }],
    });
  });

  it('rejects an empty id', () => {
    expect(reasonOf(lineOf({ data: { id: '', text: 'x' } }))).toBe('data.id is empty');
  });

  it('takes any includes and matching rules: the job never reads them', () => {
    for (const extras of [
      { includes: [] },
      { includes: { users: [{}] } },
      { includes: { tweets: [{ id: '2' }] } },
      { includes: null },
      { matching_rules: 'x' },
      { matching_rules: [{ id: 1377649934414049300, tag: null }] },
    ]) {
      expect(parseStreamLine(lineOf({ data: post, ...extras })).ok, JSON.stringify(extras)).toBe(
        true,
      );
    }
  });

  it('accepts a reference type it does not know', () => {
    const line = lineOf({ data: { ...post, referenced_tweets: [{ type: 'reposted', id: '2' }] } });
    expect(parseStreamLine(line).ok).toBe(true);
  });

  it('rejects a line over the byte limit before parsing it', () => {
    const raw = lineOf({ data: { ...post, text: 'x'.repeat(200) } });
    expect(reasonOf(raw, 100)).toBe(`line too long (${raw.length} bytes)`);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const raw = lineOf({ data: { ...post, text: '会'.repeat(40) } }); // 3 bytes each
    expect(raw.length).toBeLessThan(100);
    expect(reasonOf(raw, 100)).toBe(`line too long (${utf8ByteLength(raw)} bytes)`);
    expect(parseStreamLine(raw, utf8ByteLength(raw)).ok).toBe(true);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: utf16UnitArb }), (raw) => {
        expect(typeof parseStreamLine(raw).ok).toBe('boolean');
      }),
    );
  });

  it('never throws on arbitrary JSON and accepts only lines with a string id and text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.jsonValue(), { nil: undefined }), (value, data) => {
        const result = parseStreamLine(JSON.stringify(data === undefined ? value : { data }));
        if (result.ok) {
          expect(typeof result.line.data.id).toBe('string');
          expect(typeof result.line.data.text).toBe('string');
        }
      }),
    );
  });

  it('leaves every accepted post in a shape the job can count, whatever its fields hold', () => {
    const field = fc.option(fc.jsonValue(), { nil: undefined });
    const odd = fc.record({
      created_at: field,
      lang: field,
      author_id: field,
      entities: fc.oneof(
        field,
        fc.record({ hashtags: fc.array(fc.oneof(field, fc.record({ tag: field }))) }),
      ),
      note_tweet: fc.oneof(field, fc.record({ text: field, entities: field })),
      referenced_tweets: fc.oneof(field, fc.array(fc.oneof(field, fc.record({ type: field })))),
    });
    fc.assert(
      fc.property(odd, (extra) => {
        const result = parseStreamLine(JSON.stringify({ data: { ...post, ...extra } }));
        if (!result.ok) throw new Error(result.reason);
        const parsed = toParsedPost(result.line.data);
        expect(parsed.id).toBe('1');
        for (const tag of parsed.tags) expect(typeof tag.spelling).toBe('string');
        expect(['string', 'undefined']).toContain(typeof parsed.authorId);
        expect(postTimeMs(result.line.data) ?? 0).not.toBeNaN();
      }),
    );
  });
});

describe('utf8ByteLength', () => {
  it('agrees with TextEncoder on well-formed text', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
    );
  });

  it('counts a lone surrogate as U+FFFD', () => {
    expect(utf8ByteLength('\ud800')).toBe(3);
    expect(utf8ByteLength('a\udc00b')).toBe(5);
  });
});
