import { describe, expect, it } from 'vitest';
import type { TrendingTag } from '@/lib/trends/types';
import { trendingMessage } from './slack-message';
import { ALERT_QUIET_MS, TrendingEntries } from './trending-entries';

function trend(key: string): TrendingTag {
  return {
    key,
    tag: key.toUpperCase(),
    score: 7.25,
    count: 140,
    fastRatePerMin: 50,
    usualRatePerMin: 10,
    rateMultiple: 5,
    authors: 83,
    originals: 60,
    direction: 'rising',
    trendingSinceMs: 0,
    rankChange: null,
  };
}
const list = (...keys: string[]) => keys.map(trend);
const keysOf = (entries: { tag: TrendingTag }[]) => entries.map((entry) => entry.tag.key);

describe('TrendingEntries', () => {
  it('announces nothing for the first list, then the tags entering the top', () => {
    const entries = new TrendingEntries(2);
    expect(entries.entering(list('a', 'b'), 0)).toEqual([]);
    expect(keysOf(entries.entering(list('a', 'c', 'b'), 1000))).toEqual(['c']);
    expect(entries.entering(list('a', 'c', 'b'), 2000)).toEqual([]);
  });

  it('announces a tag at most once per quiet period, whatever it does meanwhile', () => {
    const entries = new TrendingEntries(1);
    entries.entering([], 0);
    expect(entries.entering(list('a'), 1000)[0]).toMatchObject({ rank: 1 });
    entries.entering([], 2000);
    expect(entries.entering(list('a'), 3000)).toEqual([]);
    entries.entering([], 4000);
    expect(entries.entering(list('a'), 1000 + ALERT_QUIET_MS - 1)).toEqual([]);
    entries.entering([], 1000 + ALERT_QUIET_MS);
    expect(keysOf(entries.entering(list('a'), 1000 + ALERT_QUIET_MS + 1))).toEqual(['a']);
  });

  it('treats hashtags named like object properties as plain keys', () => {
    const entries = new TrendingEntries(3);
    entries.entering([], 0);
    expect(keysOf(entries.entering(list('__proto__', 'constructor'), 1))).toEqual([
      '__proto__',
      'constructor',
    ]);
  });
});

describe('trendingMessage', () => {
  it('has a text and blocks in the shape Slack takes, with the reasons in words', () => {
    const message = trendingMessage({ tag: trend('worldcup'), rank: 2 }, 10, '1m');
    expect(message.text).toBe(
      '#WORLDCUP is trending (#2 of the top 10): 5.0× its usual rate, 83 people in the last 1m',
    );
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringMatching(/^\*#WORLDCUP\* is trending/) },
    });
    expect(message.blocks[1]).toMatchObject({ type: 'context' });
  });
});
