import { describe, expect, it } from 'vitest';
import type { AuditFigures } from './audit-page';
import { formatReport, median, medianOf } from './median-report';

function run(overrides: Partial<AuditFigures> = {}): AuditFigures {
  return {
    performance: 90,
    accessibility: 100,
    bestPractices: 100,
    seo: 100,
    lcpMs: 2000,
    tbtMs: 100,
    fcpMs: 900,
    cls: 0,
    firstLoadJsBytes: 150 * 1024,
    allJsBytes: 250 * 1024,
    unusedJsBytes: 40 * 1024,
    failedAudits: [],
    ...overrides,
  };
}

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([97, 52, 88])).toBe(88);
  });

  it('takes the mean of the middle two of an even count', () => {
    expect(median([1, 4, 2, 3])).toBe(2.5);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('formatReport', () => {
  it('prints the medians of each page and preset and the audits that failed', () => {
    const runs = [
      run({ performance: 99, lcpMs: 1200 }),
      run({ performance: 95, lcpMs: 1500, failedAudits: ['largest-contentful-paint'] }),
      run({ performance: 97, lcpMs: 1300 }),
    ];
    expect(medianOf(runs, 'performance')).toBe(97);
    const report = formatReport([{ path: '/', preset: 'mobile', runs }]).split('\n');
    expect(report[1]).toMatch(/^\/\s+mobile\s+3\s+97\s+100\s+100\s+100\s+0\.90\s+1\.30\s+100\s+/);
    expect(report[1]).toMatch(/150\.0\s+250\.0\s+40\.0$/);
    expect(report[2]).toBe('/ mobile: below 90 in some run: largest-contentful-paint');
  });
});
