import { describe, expect, it } from 'vitest';
import { XSourceStatus } from './source-status';

describe('XSourceStatus', () => {
  it('reports state and counters, and posts per second over the last 10 s', () => {
    let nowMs = 1_000_000;
    const status = new XSourceStatus('filtered', 'live · filtered stream', () => nowMs);
    status.set({ state: 'live' });
    for (let second = 0; second < 10; second++) {
      for (let post = 0; post < 5; post++) status.countPost();
      nowMs += 1000;
    }
    status.countReconnect();
    status.countError();
    expect(status.current()).toEqual({
      kind: 'filtered',
      label: 'live · filtered stream',
      connection: { state: 'live' },
      reconnects: 1,
      errors: 1,
      tweetsPerSec: 5,
    });
    nowMs += 20_000;
    expect(status.current().tweetsPerSec).toBe(0);
  });

  it('hands out copies of its state', () => {
    const status = new XSourceStatus('search', 'live · recent search');
    status.set({ state: 'backing-off', untilMs: 5, reason: 'HTTP 503' });
    const snapshot = status.current();
    (snapshot.connection as { reason: string }).reason = 'changed';
    expect(status.current().connection).toEqual({
      state: 'backing-off',
      untilMs: 5,
      reason: 'HTTP 503',
    });
  });
});
