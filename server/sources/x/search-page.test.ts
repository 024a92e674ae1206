import { describe, expect, it } from 'vitest';
import { searchPageToLines } from './search-page';

describe('searchPageToLines', () => {
  it('makes one stream line a post, oldest first, with its author', () => {
    const lines = searchPageToLines({
      data: [
        { id: '3', text: 'c', author_id: 'u1' },
        { id: '2', text: 'b', author_id: 'u2' },
        { id: '1', text: 'a' },
      ],
      includes: {
        users: [
          { id: 'u1', username: 'one' },
          { id: 'u2', username: 'two' },
        ],
      },
      meta: { result_count: 3, newest_id: '3', oldest_id: '1' },
    });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { data: { id: '1', text: 'a' } },
      {
        data: { id: '2', text: 'b', author_id: 'u2' },
        includes: { users: [{ id: 'u2', username: 'two' }] },
      },
      {
        data: { id: '3', text: 'c', author_id: 'u1' },
        includes: { users: [{ id: 'u1', username: 'one' }] },
      },
    ]);
  });

  it('gives nothing for a page without data', () => {
    expect(searchPageToLines({ meta: { result_count: 0 } })).toEqual([]);
  });
});
