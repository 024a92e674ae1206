import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { extractHashtags } from './extract-hashtags';
import { hashtagText } from './hashtag-text-arbitrary.test-helpers';
import { TWITTER_TEXT_DEVIATIONS, deviationFor } from './twitter-text-deviations.test-helpers';

/** twitter-text's hashtags before it drops those inside URLs (an option its types leave out). */
const hashtagsIgnoringUrls = twitter.extractHashtagsWithIndices as (
  text: string,
  options: { checkUrlOverlap: boolean },
) => unknown[];

/** Generated texts outside every documented deviation: there the two must agree exactly. */
const comparableText = hashtagText.filter((text) => deviationFor(text) === undefined);

describe('extractHashtags against twitter-text', () => {
  it('finds the same hashtags as twitter-text in texts no documented deviation covers', () => {
    fc.assert(
      fc.property(comparableText, (text) => {
        expect(extractHashtags(text)).toEqual(twitter.extractHashtags(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('generates texts that mostly fall outside the deviations and often hold hashtags', () => {
    const sample = fc.sample(hashtagText, { numRuns: 2_000, seed: 7 });
    const compared = sample.filter((text) => deviationFor(text) === undefined);
    const withHashtags = compared.filter((text) => twitter.extractHashtags(text).length > 0);
    const withUrlDroppingAHashtag = compared.filter(
      (text) =>
        hashtagsIgnoringUrls(text, { checkUrlOverlap: false }).length >
        twitter.extractHashtags(text).length,
    );
    expect(compared.length).toBeGreaterThan(sample.length * 0.4);
    expect(withHashtags.length).toBeGreaterThan(compared.length * 0.1);
    expect(withUrlDroppingAHashtag.length).toBeGreaterThan(0);
  });
});

describe.each(TWITTER_TEXT_DEVIATIONS.map((deviation) => [deviation.name, deviation] as const))(
  'deviation from twitter-text: %s',
  (_name, deviation) => {
    it.each(deviation.examples.map((example) => [example.text, example] as const))(
      '%j',
      (text, example) => {
        expect(deviation.appliesTo(text)).toBe(true);
        expect(extractHashtags(text)).toEqual(example.ours);
        expect(twitter.extractHashtags(text)).toEqual(example.twitterText);
      },
    );
  },
);
