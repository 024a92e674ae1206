import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHashtags } from './extract-hashtags';

interface ConformanceCase {
  description: string;
  text: string;
  expected: string[];
}

// The repository is cloned next to `shared/`, locally and in CI.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const conformancePath = path.resolve(repoRoot, '../shared/conformance/twitter-text-hashtags.json');
const conformanceCases = JSON.parse(readFileSync(conformancePath, 'utf8')) as ConformanceCase[];

describe('extractHashtags: twitter-text conformance (extract.yml, hashtags)', () => {
  it('has cases to run', () => {
    expect(conformanceCases.length).toBeGreaterThan(50);
  });

  it.each(conformanceCases.map((c) => [c.description, c] as const))('%s', (_name, testCase) => {
    expect(extractHashtags(testCase.text)).toEqual(testCase.expected);
  });
});

describe('extractHashtags', () => {
  it('returns nothing for text without a hash sign', () => {
    expect(extractHashtags('no tags here, just words')).toEqual([]);
  });

  it('keeps repeated hashtags in order', () => {
    expect(extractHashtags('#a #b #a')).toEqual(['a', 'b', 'a']);
  });

  it('does not take an HTML entity for a hashtag', () => {
    expect(extractHashtags('rock &#39;n roll &#x27;s #music')).toEqual(['music']);
  });

  it('does not take a keycap emoji for a hashtag', () => {
    expect(extractHashtags('press #\ufe0f\u20e3 then #go')).toEqual(['go']);
  });

  it('drops hashtags inside a URL with a protocol', () => {
    expect(extractHashtags('see https://example.com/page?x=1&y=/#frag and #real')).toEqual([
      'real',
    ]);
  });

  it('drops a hashtag in the path of a bare domain', () => {
    expect(extractHashtags('see example.com/#/page and #ok')).toEqual(['ok']);
  });

  it('keeps a hashtag after a full stop when no URL surrounds it', () => {
    expect(extractHashtags('end of sentence.#tag and e.g.#next')).toEqual(['tag', 'next']);
  });

  it('finds no hashtag glued to the end of another', () => {
    expect(extractHashtags('#hash#tag #ok')).toEqual(['ok']);
  });

  it('keeps a hashtag right after a URL separated by a space', () => {
    expect(extractHashtags('https://example.com/a #after')).toEqual(['after']);
  });

  it('finds hashtags after an emoji with a skin tone and a joiner', () => {
    expect(extractHashtags('🧑🏽‍💻#coding')).toEqual(['coding']);
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
