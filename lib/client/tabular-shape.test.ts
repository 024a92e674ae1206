import { describe, expect, it } from 'vitest';
import { tabularShape } from './tabular-shape';

describe('tabularShape', () => {
  it('gives texts that differ only in their digits the same shape', () => {
    expect(tabularShape('1,234')).toBe(tabularShape('9,876'));
    expect(tabularShape('12.3K')).toBe('00.0K');
  });

  it('tells apart texts whose width in tabular figures differs', () => {
    expect(tabularShape('999')).not.toBe(tabularShape('1,000'));
    expect(tabularShape('1,234')).not.toBe(tabularShape('12.3K'));
    expect(tabularShape('≈45')).not.toBe(tabularShape('45'));
  });
});
