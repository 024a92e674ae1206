/**
 * Reads a Chrome trace (the Trace Event Format's events) for the page's long tasks: tasks of the
 * renderer's main thread over 50 ms (or another bound), what started each, and React's own
 * performance entries in it (a profiling build writes them with `console.timeStamp`: its
 * scheduler's phases and one entry per component render).
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: Record<string, unknown>;
    /** Style recalculation (`UpdateLayoutTree`): how many elements it restyled. */
    elementCount?: number;
    /** Layout: how many layout objects were dirty, of how many. */
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

export interface LongTask {
  /** From the navigation's start. */
  startMs: number;
  durationMs: number;
  /** What ran first in it: a script's evaluation, an event, a timer, a function call. */
  cause: string;
  /** React's scheduler entries in it (`Transition: Render 34 ms`), in order. */
  phases: string[];
  /** The components that took longest in it, by their own time (`TopTagsChart 12 ms`). */
  components: string[];
  /**
   * The browser's rendering in it, when any: `style 14 ms (105 elements), layout 30 ms (161 of
   * 530 objects dirty), paint 12 ms`. What a DOM change costs after React has made it.
   */
  rendering: string;
}

const SHOWN_COMPONENTS = 8;

/**
 * The page's tasks over `overMs` (50 ms: a long task as the browser counts it; 12.5 ms in a
 * trace taken without slowdown, which Lighthouse's phone preset multiplies by 4).
 */
export function longTasksOf(events: readonly TraceEvent[], overMs = 50): LongTask[] {
  const overUs = overMs * 1000;
  const main = mainThread(events);
  const own = events.filter((event) => event.pid === main.pid && event.tid === main.tid);
  const startUs = navigationStartUs(own);
  const stamps = reactEntries(own);
  return own
    .filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > overUs)
    .filter((task) => task.ts >= startUs)
    .map((task) => {
      const endUs = task.ts + task.dur!;
      const inside = own.filter((event) => event.ts >= task.ts && event.ts < endUs);
      const reacts = stamps.filter((entry) => entry.startUs >= task.ts && entry.startUs < endUs);
      return {
        startMs: (task.ts - startUs) / 1000,
        durationMs: task.dur! / 1000,
        cause: causeOf(inside),
        phases: reacts.filter((entry) => entry.track !== COMPONENTS_TRACK).map(describeEntry),
        components: topComponents(reacts.filter((entry) => entry.track === COMPONENTS_TRACK)),
        rendering: renderingOf(inside),
      };
    });
}

/** The renderer main thread that ran the most: the page's (not about:blank's). */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const names = events.filter((event) => event.name === 'thread_name');
  const mains = names.filter((event) => event.args?.name === 'CrRendererMain');
  const busy = (thread: TraceEvent) =>
    events
      .filter((event) => event.pid === thread.pid && event.tid === thread.tid)
      .reduce((sum, event) => sum + (event.name === 'RunTask' ? (event.dur ?? 0) : 0), 0);
  const [best] = mains.sort((a, b) => busy(b) - busy(a));
  if (!best) throw new Error('the trace holds no renderer main thread');
  return best;
}

function navigationStartUs(events: readonly TraceEvent[]): number {
  const starts = events.filter(
    (event) =>
      event.name === 'navigationStart' &&
      String(event.args?.data?.documentLoaderURL ?? '').startsWith('http'),
  );
  return starts.at(-1)?.ts ?? events[0]?.ts ?? 0;
}

function causeOf(inside: readonly TraceEvent[]): string {
  const causes: string[] = [];
  for (const event of inside) {
    const data = event.args?.data ?? {};
    const file = String(data.url ?? '').replace(/^.*\//, '');
    let cause: string | undefined;
    if (event.name === 'EvaluateScript') cause = `script ${file}`;
    else if (event.name === 'ParseHTML') cause = 'HTML parse';
    else if (event.name === 'TimerFire') cause = 'timer';
    else if (event.name === 'FireAnimationFrame') cause = 'animation frame';
    else if (event.name === 'EventDispatch') cause = `${String(data.type)} event`;
    else if (event.name === 'FunctionCall')
      cause = `call ${String(data.functionName || '?')} ${file}`;
    if (cause && !causes.includes(cause)) causes.push(cause);
    if (causes.length === 3) break;
  }
  return causes.join(' → ') || 'browser work';
}

/** Style, layout and paint (with pre-paint) in a task: time, elements restyled, objects laid out. */
function renderingOf(inside: readonly TraceEvent[]): string {
  let styleUs = 0;
  let elements = 0;
  let layoutUs = 0;
  let dirty = 0;
  let total = 0;
  let paintUs = 0;
  for (const event of inside) {
    const durationUs = event.dur ?? 0;
    if (event.name === 'UpdateLayoutTree') {
      styleUs += durationUs;
      elements += event.args?.elementCount ?? 0;
    } else if (event.name === 'Layout') {
      layoutUs += durationUs;
      dirty += event.args?.beginData?.dirtyObjects ?? 0;
      total = Math.max(total, event.args?.beginData?.totalObjects ?? 0);
    } else if (event.name === 'Paint' || event.name === 'PrePaint') paintUs += durationUs;
  }
  if (styleUs + layoutUs + paintUs === 0) return '';
  const ms = (us: number) => `${Math.round(us / 1000)} ms`;
  return (
    `style ${ms(styleUs)} (${elements} elements), ` +
    `layout ${ms(layoutUs)} (${dirty} of ${total} objects dirty), paint ${ms(paintUs)}`
  );
}

const COMPONENTS_TRACK = 'Components ⚛';

interface ReactEntry {
  name: string;
  track: string;
  startUs: number;
  endUs: number;
}

/** React's `console.timeStamp` entries (Chromium writes their start and end on the trace's clock). */
function reactEntries(events: readonly TraceEvent[]): ReactEntry[] {
  const entries: ReactEntry[] = [];
  for (const event of events) {
    const data = event.args?.data;
    if (event.name !== 'TimeStamp' || !data) continue;
    const { start, end, message, track } = data;
    if (typeof start !== 'number' || typeof end !== 'number' || typeof track !== 'string') continue;
    if (end <= start) continue;
    entries.push({
      name: String(message),
      track,
      startUs: start,
      endUs: end,
    });
  }
  return entries.sort((a, b) => a.startUs - b.startUs || b.endUs - a.endUs);
}

function describeEntry(entry: ReactEntry): string {
  return `${entry.track.replace(/ ?⚛/, '')}: ${entry.name} ${Math.round((entry.endUs - entry.startUs) / 1000)} ms`;
}

/** Components by own time (an entry's time less that of the entries nested in it). */
function topComponents(entries: readonly ReactEntry[]): string[] {
  const selfUs = new Map<string, number>();
  const stack: ReactEntry[] = [];
  for (const entry of entries) {
    while (stack.length && stack.at(-1)!.endUs <= entry.startUs) stack.pop();
    const parent = stack.at(-1);
    const duration = entry.endUs - entry.startUs;
    if (parent) selfUs.set(parent.name, (selfUs.get(parent.name) ?? 0) - duration);
    selfUs.set(entry.name, (selfUs.get(entry.name) ?? 0) + duration);
    stack.push(entry);
  }
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN_COMPONENTS)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`);
}

/** The tasks as lines of text: start, duration, cause, then React's entries and the rendering. */
export function formatLongTasks(tasks: readonly LongTask[]): string[] {
  const lines: string[] = [];
  for (const task of tasks) {
    const start = String(Math.round(task.startMs)).padStart(6);
    const duration = String(Math.round(task.durationMs)).padStart(4);
    lines.push(`${start} ms  ${duration} ms  ${task.cause}`);
    if (task.phases.length) lines.push(`        React: ${task.phases.join(', ')}`);
    if (task.rendering) lines.push(`        rendering: ${task.rendering}`);
    if (task.components.length) lines.push(`        components: ${task.components.join(', ')}`);
  }
  return lines;
}
