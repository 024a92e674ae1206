import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/seeded-random';
import { randomPieces } from './chunked-writer';

describe('randomPieces', () => {
  const random = seededRandom(1);
  const lines = Array.from({ length: 200 }, (_, index) =>
    Buffer.from(`{"n":${index},"t":"#日本語 🐈 مرحبا"}\r\n`),
  );
  const cuts = lines.map((bytes) => randomPieces(bytes, random));

  it('keeps every byte in order', () => {
    cuts.forEach((pieces, index) => expect(Buffer.concat(pieces).equals(lines[index]!)).toBe(true));
  });

  it('cuts inside multi-byte characters and sends \\r\\n alone, now and then', () => {
    const insideCharacter = cuts.flat().filter((piece) => (piece[0]! & 0xc0) === 0x80);
    const bareTerminators = cuts.flat().filter((piece) => piece.toString() === '\r\n');
    expect(insideCharacter.length).toBeGreaterThan(10);
    expect(bareTerminators.length).toBeGreaterThan(10);
  });
});
