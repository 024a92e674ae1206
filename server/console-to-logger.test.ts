import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { routeConsoleToLogger } from './console-to-logger';

const original = { ...console };
afterEach(() => Object.assign(console, original));

describe('routeConsoleToLogger', () => {
  it('turns console output, a stack trace included, into one JSON line each', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').trim().split('\n'));
        done();
      },
    });
    routeConsoleToLogger(pino({ level: 'debug' }, sink));
    console.error(new Error('boom'));
    console.warn('careful: %d left', 3);
    console.log('plain');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries.map((entry) => entry.level)).toEqual([50, 40, 30]);
    expect(entries[0]!.msg).toMatch(/^Error: boom\n\s+at /);
    expect(entries[1]!.msg).toBe('careful: 3 left');
  });
});
