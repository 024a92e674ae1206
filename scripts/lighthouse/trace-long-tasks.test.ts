import { describe, expect, it } from 'vitest';
import { formatLongTasks, longTasksOf } from './trace-long-tasks';
import type { TraceEvent } from './trace-long-tasks';

const PAGE = { pid: 1, tid: 1 };

function event(name: string, tsUs: number, overrides: Partial<TraceEvent> = {}): TraceEvent {
  return { name, ph: 'X', ts: tsUs, ...PAGE, ...overrides };
}

function stamp(message: string, track: string, startUs: number, endUs: number): TraceEvent {
  return event('TimeStamp', endUs, {
    ph: 'I',
    args: { data: { message, track, start: startUs, end: endUs } },
  });
}

const trace: TraceEvent[] = [
  event('thread_name', 0, { ph: 'M', args: { name: 'CrRendererMain' } }),
  event('thread_name', 0, { ph: 'M', pid: 2, tid: 2, args: { name: 'CrRendererMain' } }),
  event('navigationStart', 1_000_000, {
    ph: 'R',
    args: { data: { documentLoaderURL: 'http://127.0.0.1/' } },
  }),
  // A short task, then a long one: a socket message whose update renders two components.
  event('RunTask', 1_100_000, { dur: 30_000 }),
  event('RunTask', 1_200_000, { dur: 120_000 }),
  event('EventDispatch', 1_200_100, { dur: 119_000, args: { data: { type: 'message' } } }),
  stamp('Render', 'Transition', 1_201_000, 1_290_000),
  stamp('TopTagsChart', 'Components ⚛', 1_201_000, 1_260_000),
  stamp('BarRow', 'Components ⚛', 1_210_000, 1_250_000),
  stamp('LineChart', 'Components ⚛', 1_260_000, 1_290_000),
  // A frame's rendering after it: style, layout and paint.
  event('RunTask', 1_400_000, { dur: 80_000 }),
  event('UpdateLayoutTree', 1_400_100, { dur: 20_000, args: { elementCount: 21 } }),
  event('Layout', 1_420_200, {
    dur: 40_000,
    args: { beginData: { dirtyObjects: 120, totalObjects: 530 } },
  }),
  event('PrePaint', 1_460_300, { dur: 5_000 }),
  event('Paint', 1_465_400, { dur: 10_000 }),
  // Another renderer (about:blank) ran less.
  event('RunTask', 500_000, { pid: 2, tid: 2, dur: 60_000 }),
];

describe('longTasksOf', () => {
  it('lists the page thread’s tasks over 50 ms with their cause, React’s entries and the rendering', () => {
    expect(longTasksOf(trace)).toEqual([
      {
        startMs: 200,
        durationMs: 120,
        cause: 'message event',
        phases: ['Transition: Render 89 ms'],
        components: ['BarRow 40.0 ms', 'LineChart 30.0 ms', 'TopTagsChart 19.0 ms'],
        rendering: '',
      },
      {
        startMs: 400,
        durationMs: 80,
        cause: 'browser work',
        phases: [],
        components: [],
        rendering:
          'style 20 ms (21 elements), layout 40 ms (120 of 530 objects dirty), paint 15 ms',
      },
    ]);
  });

  it('lists the tasks over another bound when asked (a trace taken without slowdown)', () => {
    const tasks = longTasksOf(trace, 25);
    expect(tasks.map((task) => [task.startMs, task.durationMs])).toEqual([
      [100, 30],
      [200, 120],
      [400, 80],
    ]);
    expect(longTasksOf(trace, 100).map((task) => task.startMs)).toEqual([200]);
  });
});

describe('formatLongTasks', () => {
  it('writes each task on a line, then its React entries, rendering and components', () => {
    expect(formatLongTasks(longTasksOf(trace))).toEqual([
      '   200 ms   120 ms  message event',
      '        React: Transition: Render 89 ms',
      '        components: BarRow 40.0 ms, LineChart 30.0 ms, TopTagsChart 19.0 ms',
      '   400 ms    80 ms  browser work',
      '        rendering: style 20 ms (21 elements), layout 40 ms (120 of 530 objects dirty), paint 15 ms',
    ]);
  });
});
