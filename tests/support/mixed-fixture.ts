/**
 * A generated fixture with everything a reader must get right: the generator's bursts and
 * redelivered duplicates, its three kinds of malformed lines, and a few hand-made oddities
 * (CRLF, keep-alives, blank lines, a post without entities, a long note tweet, an over-long line,
 * a line of wrong shape that still carries a time).
 */
import { generateStreamLines } from '@/scripts/fixture/generate-posts';
import { withBadLines } from '@/scripts/fixture/bad-lines';
import { writeFixture } from '@/scripts/fixture/write-fixture';

export const MIXED_START_MS = Date.UTC(2026, 2, 1, 12, 0, 0);

function oddities(timeMs: number): string[] {
  const at = (offsetMs: number) => new Date(timeMs + offsetMs).toISOString();
  return [
    '',
    '   ',
    JSON.stringify({
      data: { id: 'odd-1', text: 'no entities #Extracted and #ÉTÉ', created_at: at(1) },
    }) + '\r',
    JSON.stringify({
      data: {
        id: 'odd-2',
        text: 'cut…',
        created_at: at(2),
        note_tweet: {
          text: 'long #Note',
          entities: { hashtags: [{ start: 5, end: 10, tag: 'Note' }] },
        },
        entities: { hashtags: [] },
      },
    }),
    JSON.stringify({ data: { id: 'odd-3', text: 'x'.repeat(5000) + ' #Long', created_at: at(3) } }),
    JSON.stringify({ data: { id: 42, text: 'wrong id type', created_at: at(4) } }),
    JSON.stringify({ data: { id: 'odd-4', text: '#late', created_at: at(-60_000) } }),
  ];
}

/** Writes the fixture (`.gz` for gzip); every 5,000 lines come with the oddities. */
export async function writeMixedFixture(
  path: string,
  options: { minutes: number; rate: number; seed?: number },
): Promise<number> {
  const durationMs = options.minutes * 60_000;
  const generated = generateStreamLines({
    seed: options.seed ?? 7,
    startMs: MIXED_START_MS,
    durationMs,
    tweetsPerSec: options.rate,
  });
  const lines = withBadLines(generated, { count: 30, startMs: MIXED_START_MS, durationMs });
  function* mixed(): Generator<string> {
    let count = 0;
    for (const line of lines) {
      yield line;
      if (++count % 5000 === 0) {
        yield* oddities(Date.parse(JSON.parse(line).data?.created_at ?? MIXED_START_MS));
      }
    }
  }
  const { lines: written } = await writeFixture(path, mixed());
  return written;
}
