/**
 * A small fixture of posts in a few languages, originals and retweets, some with hostile tags,
 * and the counts each filter must answer, written by hand (nothing from the job).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LANGUAGE_START_MS = Date.UTC(2026, 3, 1, 12, 0, 0);

interface Kind {
  count: number;
  lang: string | undefined;
  retweet: boolean;
  tags: string[];
}

/** 36 posts over 36 s: `lang` as sent (odd ones included) and whether a retweet. */
const KINDS: Kind[] = [
  { count: 10, lang: 'pt', retweet: false, tags: ['Futebol', '__proto__'] },
  { count: 6, lang: 'pt', retweet: true, tags: ['Futebol'] },
  { count: 5, lang: 'en', retweet: false, tags: ['Futebol', 'constructor'] },
  { count: 2, lang: 'EN', retweet: false, tags: ['WorldCup'] },
  { count: 3, lang: undefined, retweet: false, tags: ['WorldCup'] },
  { count: 1, lang: 'not a code!', retweet: false, tags: ['WorldCup'] },
  { count: 9, lang: 'ja', retweet: true, tags: ['toString'] },
];

/**
 * `[tag key, count]` per filter (query string), most first then by key, in every window covering
 * the whole fixture. Pairs, not object keys: a tag may be `__proto__`.
 */
export const EXPECTED_BY_FILTER: Record<string, [string, number][]> = {
  '': [
    ['futebol', 21],
    ['__proto__', 10],
    ['tostring', 9],
    ['worldcup', 6],
    ['constructor', 5],
  ],
  'lang=pt': [
    ['futebol', 16],
    ['__proto__', 10],
  ],
  'lang=pt&originals=true': [
    ['__proto__', 10],
    ['futebol', 10],
  ],
  'originals=true': [
    ['futebol', 15],
    ['__proto__', 10],
    ['worldcup', 6],
    ['constructor', 5],
  ],
  'lang=EN': [
    ['constructor', 5],
    ['futebol', 5],
    ['worldcup', 2],
  ],
  'lang=und': [['worldcup', 4]],
  'lang=ja&originals=true': [],
  'lang=fr': [],
};

export const EXPECTED_POSTS_BY_FILTER: Record<string, number> = {
  '': 36,
  'lang=pt': 16,
  'lang=pt&originals=true': 10,
  'originals=true': 21,
  'lang=EN': 7,
  'lang=und': 4,
  'lang=ja&originals=true': 0,
  'lang=fr': 0,
};

export const EXPECTED_LANGUAGES = [
  { lang: 'pt', posts: 16 },
  { lang: 'ja', posts: 9 },
  { lang: 'en', posts: 7 },
  { lang: 'und', posts: 4 },
];

/** Writes the fixture to a temporary folder; `lastPostMs` is the last post's time. */
export function writeLanguageFixture(): { path: string; lastPostMs: number; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tagstream-languages-'));
  const lines: string[] = [];
  let index = 0;
  for (const kind of KINDS) {
    for (let copy = 0; copy < kind.count; copy++) {
      const id = `lang-${index}`;
      const data: Record<string, unknown> = {
        id,
        text: kind.tags.map((tag) => `#${tag}`).join(' '),
        created_at: new Date(LANGUAGE_START_MS + index * 1_000).toISOString(),
        author_id: `author-${index}`,
        entities: {
          hashtags: kind.tags.map((tag) => ({ start: 0, end: tag.length + 1, tag })),
        },
      };
      if (kind.lang !== undefined) data.lang = kind.lang;
      if (kind.retweet) data.referenced_tweets = [{ type: 'retweeted', id: `original-${index}` }];
      lines.push(JSON.stringify({ data }));
      index++;
    }
  }
  const path = join(dir, 'languages.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return {
    path,
    lastPostMs: LANGUAGE_START_MS + (index - 1) * 1_000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
