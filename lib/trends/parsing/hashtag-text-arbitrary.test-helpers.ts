import fc from 'fast-check';

/** Code point ranges of the scripts the generated texts mix (some hold unassigned points too). */
const SCRIPT_RANGES: readonly [number, number][] = [
  [0x41, 0x7a], // ASCII letters and a few signs
  [0xc0, 0x24f], // Latin with accents
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x5d0, 0x5f4], // Hebrew, with geresh and gershayim
  [0x600, 0x6ff], // Arabic, with its marks and digits
  [0x900, 0x97f], // Devanagari, with its marks and digits
  [0xe00, 0xe7f], // Thai
  [0x3040, 0x30ff], // Hiragana and Katakana
  [0x4e00, 0x4e80], // CJK ideographs
  [0xac00, 0xac80], // Hangul syllables
  [0x1f300, 0x1f64f], // emoji
  [0x1f900, 0x1f9ff], // more emoji
];

const scriptCharacter = fc
  .constantFrom(...SCRIPT_RANGES)
  .chain(([from, to]) => fc.integer({ min: from, max: to }))
  .map((codePoint) => String.fromCodePoint(codePoint));

const PIECES = [
  ...['#', '#', '#', '＃', '_', '__', '&', '@', '$', "'", '"', '(', ')', '-', '/', ':', '?', '='],
  ...['.', ',', '!', '…', '・', '〜', '·', '״', '〃', '\u0f0b', '\ua67e'],
  ...[' ', ' ', ' ', '\n', '\u3000', '\u00a0', '\t'],
  ...['0', '7', '42', '٣', '०', '๓', '\uff17'], // digits of several scripts
  ...['\u0301', '\u0300', '\u0951', '\u0e31', '\u064e', '\u20e3'], // combining marks
  ...['\u200c', '\u200d', '\ufe0f', '\ufe0e'], // joiners and variation selectors
  ...['😀', '👍🏽', '✌️', '👨‍👩‍👧', '#️⃣', '🇫🇷', '🧑🏽‍💻'],
  ...[
    'tag',
    'Straße',
    'café',
    '日本語',
    'カタカナ',
    '한국어',
    'مرحبا',
    'हिन्दी',
    'ภาษาไทย',
    'привет',
  ],
  ...['https://', 'http://', 'HTTP://', '://', 'www.', 'example.com', 'a.co', 'x.jp', '.org'],
  ...['t.co/', 't.co/AbC123', '/path', '/a_b-c', '?q=1', '&x=y', ':8080', 'e.g.', '..'],
];

/** URL-like runs, with or without protocol, port, path, query and fragment. */
const urlLike = fc
  .tuple(
    fc.constantFrom('', '', 'https://', 'http://', 'HTTP://'),
    fc.constantFrom('example', 'a', 't', 'x-y', 'sub.example', 'ab_c', 'www.news', '-a'),
    fc.constantFrom('.com', '.co', '.jp', '.org', '.io', '.com1'),
    fc.constantFrom('', '', ':8080'),
    fc.constantFrom('', '/', '/path', '/a_b-c', '/(x)', '/p.', '/p,', '/AbC123', '/@u/', '/é'),
    fc.constantFrom('', '', '?q=1', '?q=1&', '?'),
    fc.constantFrom('', '#', '#frag', '＃tag', '#1', '/#tag'),
  )
  .map((parts) => parts.join(''));

/** A hash sign and a short run of hashtag-like characters. */
const hashtagLike = fc
  .tuple(
    fc.constantFrom('#', '#', '＃'),
    fc.array(fc.oneof(scriptCharacter, fc.constantFrom('_', '1', '\u200d', '\u0301')), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([hash, characters]) => hash + characters.join(''));

/**
 * Post-like texts mixing scripts, combining marks, digits, underscores, URLs, both hash signs,
 * emoji, joiners and punctuation, where hashtags, near-hashtags and URLs touch each other.
 */
export const hashtagText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 2, arbitrary: fc.constantFrom('#', '#', '＃') },
      { weight: 2, arbitrary: hashtagLike },
      { weight: 2, arbitrary: urlLike },
      { weight: 3, arbitrary: scriptCharacter },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
    ),
    { maxLength: 16 },
  )
  .map((pieces) => pieces.join(''));
