import { describe, expect, it } from 'vitest';
import { muteTag, parseMutedTags, unmuteTag, withoutMuted } from './muted-tags';
import { fromSnapshot } from './dashboard-state';
import { snapshot, tagCount, trendingTag, windowResult } from './test-factories';

describe('muted tags', () => {
  it('adds a tag once and removes it by key', () => {
    let list = muteTag([], { key: 'nowplaying', tag: 'NowPlaying' });
    list = muteTag(list, { key: 'nowplaying', tag: 'nowplaying' });
    expect(list).toEqual([{ key: 'nowplaying', tag: 'NowPlaying' }]);
    expect(unmuteTag(list, 'nowplaying')).toEqual([]);
  });

  it('reads a stored list and ignores what is not one', () => {
    expect(
      parseMutedTags('[{"key":"a","tag":"A","extra":1},{"key":5},"x",{"key":"","tag":""}]'),
    ).toEqual([{ key: 'a', tag: 'A' }]);
    expect(parseMutedTags('{"key":"a"}')).toEqual([]);
    expect(parseMutedTags('not json')).toEqual([]);
    expect(parseMutedTags(null)).toEqual([]);
  });

  it('hides muted tags from the top lists and the trending and cooling lists', () => {
    const state = fromSnapshot(
      snapshot({
        windows: [
          windowResult('1m', 60_000, [
            tagCount('nowplaying', 9),
            tagCount('worldcup', 5),
            tagCount('__proto__', 2),
          ]),
        ],
        trending: [trendingTag('nowplaying'), trendingTag('worldcup')],
        cooling: [trendingTag('__proto__', { direction: 'cooling' })],
      }),
    );
    const shown = withoutMuted(state, new Set(['nowplaying', '__proto__']));
    expect(shown.windows[0]!.top.map((tag) => tag.key)).toEqual(['worldcup']);
    expect(shown.trending.map((tag) => tag.key)).toEqual(['worldcup']);
    expect(shown.cooling).toEqual([]);
    expect(withoutMuted(state, new Set())).toBe(state);
  });
});
