/**
 * A fixture of hashtags named like object properties (see `hostile-tags.ts`), written to a
 * temporary directory: a quiet minute of `#filler` (12 posts) (a baseline for trending), then a burst in
 * which tag `index` is posted `4 * (index + 5)` times by distinct authors, half with entities
 * and half as bare text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_TAGS } from './hostile-tags';

export interface HostileFixture {
  path: string;
  /** Counting key, spelling and burst count of every hostile tag, in `HOSTILE_TAGS` order. */
  expected: { key: string; tag: string; count: number }[];
  /** `created_at` of the last post, ms since the epoch. */
  lastPostMs: number;
  remove(): void;
}

const START_MS = Date.parse('2026-01-01T00:00:00Z');
const BURST_MS = START_MS + 60_000;
const POST_GAP_MS = 100;
const postsOf = (index: number) => 4 * (index + 5);

export function writeHostileFixture(): HostileFixture {
  const lines: string[] = [];
  const add = (id: string, atMs: number, tag: string, author: string, entities: boolean) => {
    const data = {
      id,
      text: `news #${tag}`,
      author_id: author,
      created_at: new Date(atMs).toISOString(),
      ...(entities ? { entities: { hashtags: [{ start: 5, end: 6 + tag.length, tag }] } } : {}),
    };
    lines.push(JSON.stringify({ data }));
  };
  for (let second = 0; second < 60; second += 5) {
    add(`filler-${second}`, START_MS + second * 1000, 'filler', `f${second}`, true);
  }
  HOSTILE_TAGS.forEach((tag, index) => {
    for (let n = 0; n < postsOf(index); n++) {
      add(`${tag}-${n}`, BURST_MS + n * POST_GAP_MS, tag, `${tag}-author-${n}`, n % 2 === 0);
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'tagstream-hostile-'));
  const path = join(dir, 'hostile.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return {
    path,
    expected: HOSTILE_TAGS.map((tag, index) => ({
      key: tag.toLowerCase(),
      tag,
      count: postsOf(index),
    })),
    lastPostMs: BURST_MS + (postsOf(HOSTILE_TAGS.length - 1) - 1) * POST_GAP_MS,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
