import { describe, expect, it } from 'vitest';
import { MAX_WATCHED_TAGS } from '@/lib/protocol';
import { parseWatchKeys, toTagKey } from './watch-keys';

describe('parseWatchKeys', () => {
  it('normalises and de-duplicates keys', () => {
    expect(parseWatchKeys(['#WorldCup', 'worldcup', '＃ＣＡＦÉ'])).toEqual(['worldcup', 'café']);
  });

  it.each([
    ['a string', 'worldcup'],
    ['null', null],
    ['numbers', [1, 2]],
    ['an empty tag', ['']],
    ['a bare #', ['#']],
    ['a tag over 140 characters', ['x'.repeat(141)]],
    ['too many tags', Array.from({ length: MAX_WATCHED_TAGS + 1 }, (_, i) => `t${i}`)],
  ])('rejects %s', (_name, payload) => {
    expect(parseWatchKeys(payload)).toBeUndefined();
  });

  it('accepts an empty list (watch nothing)', () => {
    expect(parseWatchKeys([])).toEqual([]);
  });
});

describe('toTagKey', () => {
  it('accepts 140 characters after the #', () => {
    expect(toTagKey(`#${'x'.repeat(140)}`)).toHaveLength(140);
  });
});
