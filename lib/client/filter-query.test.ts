import { describe, expect, it } from 'vitest';
import { filterQuery } from './filter-query';

describe('filterQuery', () => {
  it('writes the filter as the routes read it', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ lang: 'pt', originalsOnly: true })).toBe('?lang=pt&originals=true');
    expect(filterQuery({ originalsOnly: false }, { window: '5m' })).toBe('?window=5m');
  });
});
