import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ThrottledLog } from './throttled-log';

describe('ThrottledLog', () => {
  it('logs at most once per period with the count of occurrences since the last log', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'warn' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    let nowMs = 0;
    const log = new ThrottledLog(logger, 'bad lines', 10_000, () => nowMs);
    log.report({ reason: 'first' });
    for (let i = 0; i < 5; i++) log.report({ reason: 'again' });
    nowMs = 10_000;
    log.report({ reason: 'later' });
    expect(lines.map((line) => [line.msg, line.reason, line.occurrences])).toEqual([
      ['bad lines', 'first', 1],
      ['bad lines', 'later', 6],
    ]);
  });
});
