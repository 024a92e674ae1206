import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestampMs } from './iso-time';

describe('parseTimestampMs', () => {
  it('reads X timestamps as Date.parse does', () => {
    expect(parseTimestampMs('2026-11-26T06:00:00.000Z')).toBe(Date.UTC(2026, 10, 26, 6));
    expect(parseTimestampMs('2024-02-29T23:59:59.999Z')).toBe(
      Date.parse('2024-02-29T23:59:59.999Z'),
    );
  });

  it('falls back to Date.parse for other formats and out-of-range fields', () => {
    for (const text of [
      '2026-01-15T12:00:00Z',
      '2026-01-15T12:00:00.5Z',
      '2026-01-15T24:00:00.000Z',
      '2026-01-15T12:00:60.000Z',
      '2026-02-30T00:00:00.000Z',
      '0099-01-01T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-15 12:00:00.000Z',
      '2026-01-15T12:00:00.000+',
      '2026-0a-15T12:00:00.000Z',
      'yesterday-ish',
      '',
    ]) {
      expect(Object.is(parseTimestampMs(text), Date.parse(text))).toBe(true);
    }
  });

  it('agrees with Date.parse on any 24-character timestamp-like text', () => {
    const digit = fc.constantFrom(...'0123456789x'.split(''));
    const field = (length: number) =>
      fc.array(digit, { minLength: length, maxLength: length }).map((d) => d.join(''));
    const text = fc
      .tuple(field(4), field(2), field(2), field(2), field(2), field(2), field(3))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(text, (value) => Object.is(parseTimestampMs(value), Date.parse(value))),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on the ISO text of any date from year 1000 to 9999', () => {
    const date = fc.date({
      min: new Date('1000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, (value) => {
        const iso = value.toISOString();
        return parseTimestampMs(iso) === Date.parse(iso);
      }),
    );
  });
});
