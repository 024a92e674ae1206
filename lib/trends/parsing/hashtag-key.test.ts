import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashtagKey } from './hashtag-key';

describe('hashtagKey', () => {
  it('folds case and fullwidth forms to one key', () => {
    expect(hashtagKey('WorldCup')).toBe('worldcup');
    expect(hashtagKey('worldcup')).toBe('worldcup');
    expect(hashtagKey('ＷｏｒｌｄＣｕｐ')).toBe('worldcup');
  });

  it('folds halfwidth katakana to the fullwidth spelling', () => {
    expect(hashtagKey('ｻｯｶｰ')).toBe('サッカー');
  });

  it('composes decomposed accents', () => {
    expect(hashtagKey('cafe\u0301')).toBe(hashtagKey('café'));
  });

  it('gives the same key on a repeated call (cache hit)', () => {
    const first = hashtagKey('Ateş');
    expect(hashtagKey('Ateş')).toBe(first);
    expect(first).toBe('ateş');
  });

  it('keeps giving correct keys after the cache has been cleared', () => {
    for (let i = 0; i < 100_050; i++) hashtagKey(`Tag${i}`);
    expect(hashtagKey('Tag0')).toBe('tag0');
    expect(hashtagKey('Tag100049')).toBe('tag100049');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (tag) => {
        const key = hashtagKey(tag);
        expect(hashtagKey(key)).toBe(key);
      }),
    );
  });

  it('maps a tag and its upper-case NFKC form to the same key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9_]{1,20}$/), (tag) => {
        expect(hashtagKey(tag.toUpperCase())).toBe(hashtagKey(tag.toLowerCase()));
      }),
    );
  });
});
