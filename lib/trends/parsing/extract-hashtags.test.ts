import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHashtags } from './extract-hashtags';

// One case (or a few) per hashtag rule the job relies on; the differential test against
// twitter-text covers the combinations.
describe('extractHashtags', () => {
  describe('hash signs and hashtag text', () => {
    it('returns nothing for text without a hash sign', () => {
      expect(extractHashtags('no tags here, just words')).toEqual([]);
    });

    it('takes the ASCII and the fullwidth hash sign', () => {
      expect(extractHashtags('#one and ＃two')).toEqual(['one', 'two']);
    });

    it('keeps repeated hashtags in order, with their spelling', () => {
      expect(extractHashtags('#a #B #a')).toEqual(['a', 'B', 'a']);
    });

    it('takes letters, digits and underscores, and needs at least one letter', () => {
      expect(extractHashtags('#2024 #1hashtag #tag_2 #___ #_a')).toEqual([
        '1hashtag',
        'tag_2',
        '_a',
      ]);
    });

    it('takes letters and digits of every script, with their combining marks', () => {
      const text = '#日本語 #한국어 #مَرْحَبًا #हिन्दी #ภาษาไทย #привет #café #٣ab';
      expect(extractHashtags(text)).toEqual([
        '日本語',
        '한국어',
        'مَرْحَبًا',
        'हिन्दी',
        'ภาษาไทย',
        'привет',
        'café',
        '٣ab',
      ]);
    });

    it('keeps joiners and the special characters twitter-text allows inside a hashtag', () => {
      const text = '#می\u200cخواهم #क्\u200dष #カタカナ・テスト #״א״ #a·b';
      expect(extractHashtags(text)).toEqual([
        'می\u200cخواهم',
        'क्\u200dष',
        'カタカナ・テスト',
        '״א״',
        'a·b',
      ]);
    });

    it('ends a hashtag at punctuation, emoji and spaces', () => {
      expect(extractHashtags('#end. #bang! #smile😀x #dash-x #quote"')).toEqual([
        'end',
        'bang',
        'smile',
        'dash',
        'quote',
      ]);
    });

    it('does not take a keycap emoji for a hashtag', () => {
      expect(extractHashtags('press #\ufe0f\u20e3 then #go')).toEqual(['go']);
    });
  });

  describe('what may come before and after', () => {
    it('needs no letter, digit, underscore or ampersand right before the hash sign', () => {
      expect(extractHashtags('abc#no 1#no _#no &#39; (#yes) "#yes" .#yes')).toEqual([
        'yes',
        'yes',
        'yes',
      ]);
    });

    it('finds hashtags right after emoji, with skin tones, joiners and variation selectors', () => {
      expect(extractHashtags('🧑🏽‍💻#coding ✌️#peace 👍#up')).toEqual(['coding', 'peace', 'up']);
    });

    it('finds no hashtag followed by another hash sign or by ://', () => {
      expect(extractHashtags('#hash#tag #a＃b #http://x.com #ok')).toEqual(['ok']);
    });

    it('lets no text that a candidate took serve as the boundary of the next', () => {
      expect(extractHashtags('#a#b#c')).toEqual([]);
    });
  });

  describe('URLs', () => {
    it('drops hashtags inside a URL with a protocol', () => {
      expect(extractHashtags('see https://example.com/page?x=1&y=/#frag and #real')).toEqual([
        'real',
      ]);
    });

    it('drops a hashtag in the path of a bare domain', () => {
      expect(extractHashtags('see example.com/#/page and #ok')).toEqual(['ok']);
    });

    it('ends a bare domain without a path at its domain', () => {
      expect(extractHashtags('www.example.org?#kept example.org:80?q=/#kept2')).toEqual([
        'kept',
        'kept2',
      ]);
    });

    it('keeps a hashtag that starts before the URL it overlaps', () => {
      expect(extractHashtags('#\u200dexample.com')).toEqual(['\u200dexample']);
    });

    it('ends a t.co URL after its slug', () => {
      expect(extractHashtags('https://t.co/AbC123/#kept')).toEqual(['kept']);
    });

    it('keeps a hashtag after a full stop when no URL surrounds it', () => {
      expect(extractHashtags('end of sentence.#tag and e.g.#next')).toEqual(['tag', 'next']);
    });

    it('keeps a hashtag right after a URL separated by a space', () => {
      expect(extractHashtags('https://example.com/a #after')).toEqual(['after']);
    });
  });

  it('never throws and returns hashtags that occur in the text after a hash sign', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        for (const tag of extractHashtags(text)) {
          expect(text.includes(`#${tag}`) || text.includes(`\uff03${tag}`)).toBe(true);
          expect(/^\p{Nd}*$/u.test(tag)).toBe(false);
        }
      }),
    );
  });

  it('finds a word-character hashtag planted between spaces', () => {
    const tagArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
    const wordsArb = fc.array(fc.stringMatching(/^[a-z .,!?]{0,10}$/), { maxLength: 4 });
    fc.assert(
      fc.property(tagArb, wordsArb, wordsArb, (tag, before, after) => {
        const text = `${before.join(' ')} #${tag} ${after.join(' ')}`;
        expect(extractHashtags(text)).toEqual([tag]);
      }),
    );
  });
});
