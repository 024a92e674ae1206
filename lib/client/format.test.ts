import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatCount,
  formatDurationMs,
  formatRankChange,
  formatRate,
  formatWindowMs,
} from './format';

describe('formatCount', () => {
  it('shows counts below ten thousand in full with grouping', () => {
    expect(formatCount(9876, 'en-US')).toBe('9,876');
  });

  it('shows large counts compactly', () => {
    expect(formatCount(12_345, 'en-US')).toBe('12.3K');
    expect(formatCount(1_250_000, 'en-US')).toBe('1.3M');
  });

  it('writes US English without a locale, whatever the browser', () => {
    expect(formatCount(9876)).toBe('9,876');
    expect(formatCount(12_345)).toBe('12.3K');
    expect(formatCount(9876, 'de-DE')).toBe('9.876');
  });
});

describe('formatRate', () => {
  it('keeps one decimal for small rates', () => {
    expect(formatRate(3.14159, 'en-US')).toBe('3.1');
    expect(formatRate(412.6, 'en-US')).toBe('413');
    expect(formatRate(3.14159)).toBe('3.1');
    expect(formatRate(12_345.6)).toBe('12.3K');
  });
});

describe('formatDurationMs', () => {
  it('picks ms, s or min by size', () => {
    expect(formatDurationMs(850, 'en-US')).toBe('850 ms');
    expect(formatDurationMs(1234, 'en-US')).toBe('1.2 s');
    expect(formatDurationMs(185_000, 'en-US')).toBe('3 min 5 s');
    expect(formatDurationMs(120_000, 'en-US')).toBe('2 min');
    expect(formatDurationMs(1234)).toBe('1.2 s');
    expect(formatDurationMs(849.6)).toBe('850 ms');
  });
});

describe('formatWindowMs', () => {
  it('names windows in minutes or seconds', () => {
    expect(formatWindowMs(300_000)).toBe('5 min');
    expect(formatWindowMs(30_000)).toBe('30 s');
  });
});

describe('formatClock', () => {
  it('shows a 24-hour time of day', () => {
    expect(formatClock(Date.UTC(2026, 0, 1, 13, 4, 5), 'en-GB', 'UTC')).toBe('13:04:05');
    expect(formatClock(Date.UTC(2026, 0, 1, 0, 4, 5), undefined, 'UTC')).toBe('00:04:05');
  });

  it('shows the time of day in the local time zone by default', () => {
    const epochMs = Date.UTC(2026, 0, 1, 13, 4, 5);
    const local = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    expect(formatClock(epochMs)).toBe(local.format(epochMs));
  });
});

describe('formatRankChange', () => {
  it('signs moves up with plus and moves down with a minus sign', () => {
    expect(formatRankChange(3)).toBe('+3');
    expect(formatRankChange(-2)).toBe('\u22122');
    expect(formatRankChange(0)).toBe('0');
  });
});
