import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStreamLine } from './parse-line';
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

  it('rejects optional fields of the wrong type', () => {
    const withData = (extra: object) => lineOf({ data: { ...post, ...extra } });
    expect(reasonOf(withData({ author_id: 42 }))).toBe('data.author_id is not a string');
    expect(reasonOf(withData({ created_at: null }))).toBe('data.created_at is not a string');
    expect(reasonOf(withData({ entities: [] }))).toBe('data.entities is not an object');
    expect(reasonOf(withData({ entities: { hashtags: {} } }))).toBe(
      'data.entities.hashtags is not an array',
    );
    expect(reasonOf(withData({ entities: { hashtags: [{ tag: 3 }] } }))).toBe(
      'data.entities.hashtags has an entry without a string tag',
    );
    expect(reasonOf(withData({ note_tweet: { entities: {} } }))).toBe(
      'data.note_tweet.text is not a string',
    );
    expect(reasonOf(withData({ referenced_tweets: [{ type: 'quoted' }] }))).toBe(
      'data.referenced_tweets has an entry without a string type and id',
    );
  });

  it('rejects includes and matching rules of the wrong shape', () => {
    expect(reasonOf(lineOf({ data: post, includes: [] }))).toBe('includes is not an object');
    expect(reasonOf(lineOf({ data: post, includes: { users: [{}] } }))).toBe(
      'includes.users has an entry without a string id',
    );
    expect(reasonOf(lineOf({ data: post, matching_rules: 'x' }))).toBe(
      'matching_rules is not an array',
    );
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
