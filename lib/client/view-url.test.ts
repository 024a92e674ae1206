import { describe, expect, it } from 'vitest';
import { parseViewUrl, serialiseViewUrl } from './view-url';
import type { ViewUrlState } from './view-url';

describe('view URL', () => {
  it('parses every part of the view', () => {
    expect(
      parseViewUrl('?window=15m&tags=worldcup,f1&unit=batch&lang=pt&originals=true&tag=worldcup'),
    ).toEqual({
      window: '15m',
      tags: ['worldcup', 'f1'],
      unit: 'batch',
      lang: 'pt',
      originalsOnly: true,
      detail: 'worldcup',
    });
  });

  it('round-trips a view through its query string', () => {
    const view: ViewUrlState = {
      window: '1h',
      tags: ['fútbol', '__proto__', 'ｗｃ'],
      unit: 'rolling',
      lang: 'zh-Hant',
      originalsOnly: true,
      detail: 'fútbol',
    };
    expect(parseViewUrl(serialiseViewUrl(view))).toEqual(view);
  });

  it('writes nothing for the default view', () => {
    expect(serialiseViewUrl({})).toBe('');
    expect(serialiseViewUrl({ originalsOnly: false, tags: undefined })).toBe('');
  });

  it('keeps an empty tag list apart from no list (the chart was emptied on purpose)', () => {
    expect(serialiseViewUrl({ tags: [] })).toBe('?tags=');
    expect(parseViewUrl('?tags=')).toEqual({ tags: [] });
    expect(parseViewUrl('')).toEqual({});
  });

  it('ignores parameters that do not parse and keeps the others', () => {
    expect(
      parseViewUrl('?window=<b>&unit=hour&lang=p%20t&originals=maybe&tag=a%20b&tags=ok'),
    ).toEqual({ tags: ['ok'] });
  });

  it('drops empty, repeated and hash-signed keys and keeps at most 12', () => {
    const many = Array.from({ length: 20 }, (_, index) => `t${index}`).join(',');
    expect(parseViewUrl(`?tags=a,,a,%23b,c`).tags).toEqual(['a', 'c']);
    expect(parseViewUrl(`?tags=${many}`).tags).toHaveLength(12);
  });

  it("keeps the address's other parameters after the view's", () => {
    expect(serialiseViewUrl({ window: '5m' }, '?window=1m&utm_source=wall')).toBe(
      '?window=5m&utm_source=wall',
    );
  });
});
