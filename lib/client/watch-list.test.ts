import { describe, expect, it } from 'vitest';
import { removeWatched, seedWatched, toggleWatched } from './watch-list';

const tag = (key: string) => ({ key, tag: key.toUpperCase() });

describe('toggleWatched', () => {
  it('adds an unwatched tag with the lowest free colour slot', () => {
    const list = seedWatched([tag('a'), tag('b'), tag('c')]);
    const withoutB = removeWatched(list, 'b');
    const result = toggleWatched(withoutB, tag('d'));
    expect(result.outcome).toBe('added');
    expect(result.list.map(({ key, colorSlot }) => [key, colorSlot])).toEqual([
      ['a', 0],
      ['c', 2],
      ['d', 1],
    ]);
  });

  it('removes a tag that is already watched', () => {
    const result = toggleWatched(seedWatched([tag('a'), tag('b')]), tag('a'));
    expect(result.outcome).toBe('removed');
    expect(result.list.map((watched) => watched.key)).toEqual(['b']);
  });

  it('refuses a new tag when the list is full', () => {
    const full = seedWatched([tag('a'), tag('b')], 2);
    const result = toggleWatched(full, tag('c'), 2);
    expect(result.outcome).toBe('full');
    expect(result.list.map((watched) => watched.key)).toEqual(['a', 'b']);
  });
});

describe('seedWatched', () => {
  it('takes the first three tags in order', () => {
    const list = seedWatched([tag('a'), tag('b'), tag('c'), tag('d')]);
    expect(list).toEqual([
      { key: 'a', tag: 'A', colorSlot: 0 },
      { key: 'b', tag: 'B', colorSlot: 1 },
      { key: 'c', tag: 'C', colorSlot: 2 },
    ]);
  });
});
