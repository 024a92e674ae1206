/**
 * Writes stream lines the way a real network delivers them: each `\r\n`-terminated line cut into
 * random pieces, some cuts inside multi-byte characters, and sometimes the `\r\n` alone in its
 * own piece. Each piece is a separate HTTP chunk, so the client sees the same cuts.
 */
import type { StreamOut } from './stream-out';

/** Cut points for `bytes`: none, one, or several; the terminator alone one time in four. */
export function randomPieces(bytes: Buffer, random: () => number): Buffer[] {
  const body = bytes.subarray(0, bytes.length - 2);
  const terminator = bytes.subarray(bytes.length - 2);
  const cuts = Math.floor(random() * 4);
  const points = Array.from({ length: cuts }, () => Math.floor(random() * body.length)).sort(
    (a, b) => a - b,
  );
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    if (point <= start) continue;
    pieces.push(body.subarray(start, point));
    start = point;
  }
  const rest = body.subarray(start);
  if (random() < 0.25) pieces.push(rest, terminator);
  else pieces.push(Buffer.concat([rest, terminator]));
  return pieces.filter((piece) => piece.length > 0);
}

/** Writes a line in random pieces; resolves once the bytes are handed to the socket. */
export function writeLineInPieces(
  res: Pick<StreamOut, 'write'>,
  line: string,
  random: () => number,
): Promise<void> {
  const pieces = randomPieces(Buffer.from(line + '\r\n', 'utf8'), random);
  return new Promise((resolve) => {
    pieces.forEach((piece, index) => {
      if (index === pieces.length - 1) res.write(piece, () => resolve());
      else res.write(piece);
    });
  });
}
