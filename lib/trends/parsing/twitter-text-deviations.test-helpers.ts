import twitter from 'twitter-text';
import { ALPHA, ALPHA_NUMERIC } from './extract-hashtags-regex';

/**
 * Every way `extractHashtags` differs from twitter-text's on purpose, in one place. The
 * differential property test leaves out exactly the texts a deviation `appliesTo`, and each
 * deviation's `examples` pin both sides of it down by hand.
 */
export interface TwitterTextDeviation {
  name: string;
  why: string;
  appliesTo: (text: string) => boolean;
  examples: { text: string; ours: string[]; twitterText: string[] }[];
}

/** twitter-text's compiled regexes; its type declarations leave them out. */
const regexen = (twitter as unknown as { regexen: Record<string, RegExp> }).regexen;

const whole = (source: string, flags = '') => new RegExp(`^(?:${source})$`, flags);
const OUR_ALPHA = whole(ALPHA, 'u');
const OUR_ALPHA_NUMERIC = whole(ALPHA_NUMERIC, 'u');
const THEIR_ALPHA = whole(regexen.hashtagAlpha.source);
const THEIR_ALPHA_NUMERIC = whole(regexen.hashtagAlphaNumeric.source);
const THEIR_TLD = whole(`${regexen.validGTLD.source}|${regexen.validCCTLD.source}`, 'i');

function classifiedDifferently(codePoint: string): boolean {
  return (
    OUR_ALPHA.test(codePoint) !== THEIR_ALPHA.test(codePoint) ||
    OUR_ALPHA_NUMERIC.test(codePoint) !== THEIR_ALPHA_NUMERIC.test(codePoint)
  );
}

const unicodeVersion: TwitterTextDeviation = {
  name: 'letters, marks and digits of the running Unicode version',
  why:
    "Our classes are Unicode property escapes, so they follow the JavaScript engine's Unicode " +
    "version; twitter-text's are tables generated years ago. A letter added since (Toto, Kawi, " +
    'Nag Mundari…) makes a hashtag here and not there; a code point whose category changed ' +
    'counts by its current category.',
  appliesTo: (text) => [...text].some(classifiedDifferently),
  examples: [
    { text: '#\u{1e290}\u{1e291} new script', ours: ['\u{1e290}\u{1e291}'], twitterText: [] },
    { text: '#abc\u{11f04}x', ours: ['abc\u{11f04}x'], twitterText: ['abc'] },
    { text: '\u{1e4d0}#tag', ours: [], twitterText: ['tag'] },
  ],
};

/** Whitespace-delimited tokens that hold both a hash sign and a dot. */
function tokensWithHashAndDot(text: string): string[] {
  return text.split(/\s/u).filter((token) => /[#\uff03]/u.test(token) && token.includes('.'));
}

const tldList: TwitterTextDeviation = {
  name: 'any letter run is a top-level domain',
  why:
    'twitter-text accepts a top-level domain only from its list, checks non-ASCII domains ' +
    'with IDNA, takes a URL without protocol only by its ASCII part, and counts any character ' +
    'but its punctuation (emoji, `"`) as a domain character; we take any whole run of two or ' +
    'more letters after a dot for a TLD and letters, marks and digits for domain characters. ' +
    'Only tokens holding a hash sign and a dot are concerned: for them the property compares ' +
    'printable ASCII tokens without `"` or a backtick whose TLD-like runs are all on ' +
    'twitter-text’s list.',
  appliesTo: (text) =>
    tokensWithHashAndDot(text).some(
      (token) =>
        /[^\x21-\x7e]|["`]/u.test(token) ||
        [...token.matchAll(/\.([A-Za-z]{2,})/gu)].some((run) => !THEIR_TLD.test(run[1])),
    ),
  examples: [
    { text: 'notes.draft/#tag', ours: [], twitterText: ['tag'] },
    { text: 'www.例え.com/#tag', ours: [], twitterText: ['tag'] },
    { text: 'http://例え.テスト/#tag', ours: [], twitterText: ['tag'] },
  ],
};

export const TWITTER_TEXT_DEVIATIONS: readonly TwitterTextDeviation[] = [unicodeVersion, tldList];

/** The deviation `text` falls under, if any. */
export function deviationFor(text: string): TwitterTextDeviation | undefined {
  return TWITTER_TEXT_DEVIATIONS.find((deviation) => deviation.appliesTo(text));
}
