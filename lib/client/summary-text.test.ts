import { describe, expect, it } from 'vitest';
import { summaryText } from './summary-text';
import { fromSnapshot } from './dashboard-state';
import { snapshot, tagCount, windowResult } from './test-factories';

describe('summaryText', () => {
  it('names the top three tags of the window with their counts', () => {
    const window = windowResult('5m', 300_000, [
      tagCount('a', 1200),
      tagCount('b', 30),
      tagCount('c', 2),
      tagCount('d', 1),
    ]);
    const view = fromSnapshot(snapshot({ windows: [window] }));
    expect(summaryText(view, window, 'live', false, 'en-US')).toBe(
      'Top hashtags in the last 5 min: #a 1,200, #b 30, #c 2.',
    );
  });

  it('says when it is waiting, reconnecting or paused', () => {
    expect(summaryText(null, undefined, 'reconnecting', true)).toBe(
      'Connection reconnecting. Display paused. Waiting for the first batch.',
    );
  });
});
