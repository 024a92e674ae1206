/**
 * A fixture for a tag's detail, written to a temporary directory: a quiet minute of `#filler`,
 * then, in 30 s, originals of `#WorldCup` with `#Final` (and some with `#Goal`), three retweets
 * of the first one, a post whose text holds markup, and posts of `#__proto__` with
 * `#constructor`. Authors come with the user expansion, as the X API sends it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DetailFixture {
  path: string;
  /** `created_at` of the last post, ms since the epoch. */
  lastPostMs: number;
  remove(): void;
}

export const DETAIL_FIXTURE_START_MS = Date.parse('2026-01-01T00:00:00Z');
/** The text of a post that must reach the browser as text. */
export const MARKUP_TEXT = 'look <script>alert(1)</script> <img src=x onerror=alert(2)> #WorldCup';
/** `#WorldCup` originals (the first one retweeted 3 times), of which `#Goal` joins the first 4. */
export const WORLDCUP_ORIGINALS = 10;

export function writeDetailFixture(): DetailFixture {
  const lines: string[] = [];
  let atMs = DETAIL_FIXTURE_START_MS;
  const add = (id: string, text: string, author: string, refs?: object[]) => {
    const data = {
      id,
      text,
      author_id: author,
      lang: 'en',
      created_at: new Date(atMs).toISOString(),
      ...(refs ? { referenced_tweets: refs } : {}),
    };
    const includes = {
      users: [{ id: author, username: `user_${author}`, name: `User ${author}` }],
    };
    lines.push(JSON.stringify({ data, includes }));
    atMs += 500;
  };
  for (let second = 0; second < 60; second += 5) add(`filler-${second}`, '#filler', `f${second}`);
  atMs = DETAIL_FIXTURE_START_MS + 60_000;
  for (let n = 0; n < WORLDCUP_ORIGINALS; n++) {
    add(`wc-${n}`, `match ${n} #WorldCup #Final${n < 4 ? ' #Goal' : ''}`, `a${n}`);
  }
  for (let n = 0; n < 3; n++) {
    add(`rt-${n}`, 'RT @user_a0: match 0 #WorldCup #Final #Goal', `r${n}`, [
      { type: 'retweeted', id: 'wc-0' },
    ]);
  }
  add('markup', MARKUP_TEXT, 'm1');
  for (let n = 0; n < 6; n++) add(`proto-${n}`, `odd #__proto__ #constructor`, `p${n}`);
  const dir = mkdtempSync(join(tmpdir(), 'tagstream-detail-'));
  const path = join(dir, 'detail.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return {
    path,
    lastPostMs: atMs - 500,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
