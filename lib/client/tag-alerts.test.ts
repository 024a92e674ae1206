import { describe, expect, it } from 'vitest';
import type { DashboardState } from './dashboard-state';
import { fromSnapshot } from './dashboard-state';
import type { AlertMemory, TagAlert } from './tag-alerts';
import { checkAlerts, parseTagAlerts, removeAlert, setAlert } from './tag-alerts';
import { snapshot, tagCount, trendingTag, windowResult } from './test-factories';

function state(batchTime: number, counts: [string, number][], trending: string[] = []) {
  return fromSnapshot(
    snapshot({
      batchTime,
      windows: [
        windowResult('5m', 300_000, [tagCount('other', 99)]),
        windowResult(
          '1m',
          60_000,
          counts.map(([key, count]) => tagCount(key, count)),
        ),
      ],
      trending: trending.map((key) => trendingTag(key, { count: 7 })),
    }),
  );
}

function run(alerts: TagAlert[], states: DashboardState[]) {
  let memory: AlertMemory = new Map();
  return states.flatMap((next) => {
    const result = checkAlerts(alerts, memory, next);
    memory = result.memory;
    return result.firings.map((firing) => [firing.batchTime, firing.reason, firing.message]);
  });
}

describe('tag alerts', () => {
  it('fires when the tag enters the trending list, not while it stays there', () => {
    const alerts = [{ key: 'worldcup', tag: 'WorldCup', threshold: null }];
    expect(
      run(alerts, [
        state(1000, []),
        state(2000, [], ['worldcup']),
        state(3000, [], ['worldcup']),
        state(4000, []),
        state(5000, [], ['worldcup']),
      ]),
    ).toEqual([
      [2000, 'trending', '#WorldCup is trending'],
      [5000, 'trending', '#WorldCup is trending'],
    ]);
  });

  it('fires when the count in the shortest window crosses the threshold from below', () => {
    const alerts = [{ key: 'f1', tag: 'F1', threshold: 10 }];
    expect(
      run(alerts, [
        state(1000, [['f1', 4]]),
        state(2000, [['f1', 10]]),
        state(3000, [['f1', 12]]),
        state(4000, [['f1', 3]]),
        state(5000, [['f1', 11]]),
      ]),
    ).toEqual([
      [2000, 'threshold', '#F1 reached 10 posts (your threshold: 10)'],
      [5000, 'threshold', '#F1 reached 11 posts (your threshold: 10)'],
    ]);
  });

  it('takes the first state as the baseline: what already holds fires nothing', () => {
    const alerts = [{ key: 'f1', tag: 'F1', threshold: 5 }];
    expect(
      run(alerts, [state(1000, [['f1', 9]], ['f1']), state(2000, [['f1', 9]], ['f1'])]),
    ).toEqual([]);
  });

  it('keeps one alert per tag and reads stored alerts leniently', () => {
    let alerts = setAlert([], { key: 'a', tag: 'A', threshold: null });
    alerts = setAlert(alerts, { key: 'a', tag: 'A', threshold: 5 });
    expect(alerts).toEqual([{ key: 'a', tag: 'A', threshold: 5 }]);
    expect(removeAlert(alerts, 'a')).toEqual([]);
    expect(
      parseTagAlerts(
        '[{"key":"a","tag":"A","threshold":-1},{"key":"b","tag":"B","threshold":3},7]',
      ),
    ).toEqual([
      { key: 'a', tag: 'A', threshold: null },
      { key: 'b', tag: 'B', threshold: 3 },
    ]);
    expect(parseTagAlerts('{')).toEqual([]);
  });
});
