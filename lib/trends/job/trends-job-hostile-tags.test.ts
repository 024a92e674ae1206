import { describe, expect, it } from 'vitest';
import { HOSTILE_TAGS } from '@/tests/support/hostile-tags';
import { parseStreamLine } from '../parsing/parse-line';
import { toParsedPost } from '../parsing/parse-post';
import { createJobHarness, post } from './trends-job.test-helpers';
import type { ParsedPost } from '../types';

/** Tag `index` of `HOSTILE_TAGS` gets `4 * (index + 5)` posts, each from its own author. */
function hostilePosts(prefix: string): ParsedPost[] {
  return HOSTILE_TAGS.flatMap((tag, index) =>
    Array.from({ length: 4 * (index + 5) }, (_, n) => post(`${prefix}-${tag}-${n}`, [tag])),
  );
}

describe('createTrendsJob with hashtags named like object properties', () => {
  it('counts, spells and ranks them like any other tag in every window and in trending', async () => {
    const harness = createJobHarness({});
    // Past the trending warm-up (10 minutes), so the burst is measured against a baseline.
    for (let batch = 0; batch < 330; batch++) await harness.batch([post(`quiet-${batch}`, ['x'])]);
    const result = await harness.batch(hostilePosts('burst'));
    const expected = HOSTILE_TAGS.map((tag, index) => ({
      key: tag.toLowerCase(),
      tag,
      count: 4 * (index + 5),
    })).reverse();
    for (const window of result.windows) {
      const top = window.top.filter((entry) => entry.key !== 'x');
      expect(
        top.map(({ key, tag, count }) => ({ key, tag, count })),
        window.label,
      ).toEqual(expected);
    }
    const trending = result.trending.map(({ key, tag, count }) => ({ key, tag, count }));
    expect(trending).toEqual(expect.arrayContaining(expected));
    for (const tag of result.trending) expect(typeof tag.tag).toBe('string');
    expect(result.batchCounts.filter((entry) => entry.key !== 'x')).toHaveLength(6);
    expect(harness.errors).toEqual([]);
    harness.stop();
  });

  it('parses them out of a stream line, from entities and from the text', () => {
    const text = HOSTILE_TAGS.map((tag) => `#${tag}`).join(' ');
    let start = 0;
    const hashtags = HOSTILE_TAGS.map((tag) => {
      const entity = { start, end: start + tag.length + 1, tag };
      start = entity.end + 1;
      return entity;
    });
    for (const data of [
      { id: '1', text },
      { id: '2', text, entities: { hashtags } },
    ]) {
      const line = parseStreamLine(JSON.stringify({ data }));
      if (!line.ok) throw new Error(line.reason);
      const parsed = toParsedPost(line.line.data);
      expect(parsed.tags).toEqual(
        HOSTILE_TAGS.map((tag) => ({ key: tag.toLowerCase(), spelling: tag })),
      );
    }
  });
});
