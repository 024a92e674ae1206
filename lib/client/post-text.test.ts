import { describe, expect, it } from 'vitest';
import { postTextPieces } from './post-text';

describe('postTextPieces', () => {
  it('splits hashtags, mentions and links from the text', () => {
    expect(postTextPieces('Goal! #WorldCup via @fifa https://t.co/abc.')).toEqual([
      { kind: 'text', text: 'Goal! ' },
      { kind: 'hashtag', text: '#WorldCup', tag: 'WorldCup', key: 'worldcup' },
      { kind: 'text', text: ' via ' },
      { kind: 'mention', text: '@fifa', username: 'fifa', href: 'https://x.com/fifa' },
      { kind: 'text', text: ' ' },
      { kind: 'url', text: 'https://t.co/abc', href: 'https://t.co/abc' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup as plain text pieces', () => {
    const text = '<script>alert(1)</script> <img src=x onerror=alert(2)>';
    expect(postTextPieces(text)).toEqual([{ kind: 'text', text }]);
  });

  it('finds no hashtag inside a word, an entity, a number-only tag or a URL', () => {
    const pieces = postTextPieces('abc#no &#39; #123 https://x.com/a#frag mail@ex.com');
    expect(pieces.filter((piece) => piece.kind === 'hashtag')).toEqual([]);
    expect(pieces.filter((piece) => piece.kind === 'mention')).toEqual([]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(
      'abc#no &#39; #123 https://x.com/a#frag mail@ex.com',
    );
  });

  it('reads non-Latin and fullwidth hashtags with their counting key', () => {
    const [tag] = postTextPieces('＃ＷｏｒｌｄＣｕｐ').filter((piece) => piece.kind === 'hashtag');
    expect(tag).toMatchObject({ tag: 'ＷｏｒｌｄＣｕｐ', key: 'worldcup' });
    expect(postTextPieces('سلام #فوتبال')[1]).toMatchObject({ kind: 'hashtag', key: 'فوتبال' });
  });

  it('rebuilds the exact text from its pieces', () => {
    const text = 'RT @a_b: #x, see (https://example.com/p?q=1)! @toolongusername_123 ok';
    expect(
      postTextPieces(text)
        .map((piece) => piece.text)
        .join(''),
    ).toBe(text);
  });
});
