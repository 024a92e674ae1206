/**
 * The bundled small fixture followed by three posts of `#WorldCup` whose texts hold markup
 * (`<script>`, `<img onerror>`), a mention and a link: the newest posts of the tag, so its detail
 * view must show them, as text. Written to a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOSTILE_TEXTS = [
  '<script>window.__postRan = 1</script> #WorldCup',
  '<img src=x onerror="window.__postRan = 2"> #WorldCup @fifa https://example.com/goal',
  'Final tonight #WorldCup #Final <b>bold</b>',
];

/** Batch time after the last post, at the default 2 s batch interval. */
export const LAST_BATCH_MS = Date.parse('2026-11-26T12:02:32Z');

export function writeViewsFixture(root: string): { path: string; remove(): void } {
  const lines = HOSTILE_TEXTS.map((text, index) =>
    JSON.stringify({
      data: {
        id: `99000000000000000${index}`,
        author_id: `99000${index}`,
        created_at: `2026-11-26T12:02:29.95${index}Z`,
        lang: 'en',
        text,
      },
      includes: {
        users: [{ id: `99000${index}`, name: `Tester ${index}`, username: `tester${index}` }],
      },
    }),
  );
  const dir = mkdtempSync(join(tmpdir(), 'tagstream-views-'));
  const path = join(dir, 'views.jsonl');
  const small = readFileSync(join(root, 'fixtures/small.jsonl'), 'utf8');
  writeFileSync(path, `${small.trimEnd()}\n${lines.join('\n')}\n`);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
