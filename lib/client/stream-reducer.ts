/**
 * The socket hook's state machine: connection state, the live view and, while paused, a frozen
 * copy that the page shows instead. Updates keep arriving while paused; resume shows the latest.
 * The page may start from a snapshot rendered on the server (`streamStateFrom`); the socket's
 * first snapshot of that same batch then changes nothing, so nothing re-renders for it.
 */
import type {
  BatchUpdate,
  DashboardSnapshot,
  SeriesBlock,
  SourceStatus,
  WatchedSeriesUpdate,
} from '@/lib/protocol';
import type { TagHistoryPoint, DashboardState } from './dashboard-state';
import { applyBatch, fromSnapshot, mergeHistory, mergeSeries } from './dashboard-state';

/** `offline`: the browser has no network or several reconnection attempts failed in a row. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface StreamState {
  connection: ConnectionState;
  live: DashboardState | null;
  /** The view shown while paused; null when not paused. */
  frozen: DashboardState | null;
  paused: boolean;
  /** Counts snapshots received; a new one (after a reconnect) means held history was replaced. */
  snapshots: number;
  /** Wall-clock time (ms) the last snapshot or batch arrived; null before any. */
  lastMessageAtMs: number | null;
  /**
   * Keys whose whole recent series is held: those of the latest snapshot's series, as long as
   * every batch since carried their points. Their history need not be fetched.
   */
  coveredKeys: ReadonlySet<string>;
  /** The state came from the snapshot rendered with the page; no socket snapshot yet. */
  fromPage: boolean;
}

export type StreamAction =
  | { type: 'connection'; connection: ConnectionState }
  | { type: 'snapshot'; snapshot: DashboardSnapshot; receivedAtMs: number }
  | { type: 'batch'; update: BatchUpdate; receivedAtMs: number }
  | { type: 'series'; update: WatchedSeriesUpdate }
  | { type: 'history'; key: string; tag: string; points: TagHistoryPoint[] }
  /** The source's status changed between batches: shown at once, paused or not. */
  | { type: 'source'; source: SourceStatus }
  | { type: 'pause' }
  | { type: 'resume' };

export const initialStreamState: StreamState = {
  connection: 'connecting',
  live: null,
  frozen: null,
  paused: false,
  snapshots: 0,
  lastMessageAtMs: null,
  coveredKeys: new Set(),
  fromPage: false,
};

/** The state the page starts with: the server's snapshot when it rendered one. */
export function streamStateFrom(snapshot: DashboardSnapshot | null): StreamState {
  if (!snapshot) return initialStreamState;
  return {
    ...initialStreamState,
    live: fromSnapshot(snapshot),
    snapshots: 1,
    coveredKeys: seriesKeys(snapshot.series),
    fromPage: true,
  };
}

export function streamReducer(state: StreamState, action: StreamAction): StreamState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.connection
        ? state
        : { ...state, connection: action.connection };
    case 'snapshot':
      if (state.fromPage && state.live?.batchTime === action.snapshot.batchTime) {
        return { ...state, fromPage: false, lastMessageAtMs: action.receivedAtMs };
      }
      return {
        ...state,
        live: fromSnapshot(action.snapshot),
        snapshots: state.snapshots + 1,
        lastMessageAtMs: action.receivedAtMs,
        coveredKeys: seriesKeys(action.snapshot.series),
        fromPage: false,
      };
    case 'batch':
      // A batch before any snapshot has nothing to fold into; the snapshot will carry it.
      if (!state.live) return state;
      return {
        ...state,
        live: applyBatch(state.live, action.update),
        lastMessageAtMs: action.receivedAtMs,
        coveredKeys: stillCovered(state.coveredKeys, action.update.series),
      };
    case 'series':
      // The watched tags' points of the batch just folded in: they extend the live view only.
      if (!state.live) return state;
      return { ...state, live: mergeSeries(state.live, action.update.series) };
    case 'history': {
      const merge = (view: DashboardState | null) =>
        view && mergeHistory(view, action.key, action.tag, action.points);
      return { ...state, live: merge(state.live), frozen: merge(state.frozen) };
    }
    case 'source': {
      const withSource = (view: DashboardState | null) =>
        view && { ...view, source: action.source };
      return { ...state, live: withSource(state.live), frozen: withSource(state.frozen) };
    }
    case 'pause':
      return state.paused ? state : { ...state, paused: true, frozen: state.live };
    case 'resume':
      return state.paused ? { ...state, paused: false, frozen: null } : state;
  }
}

function seriesKeys(block: SeriesBlock): ReadonlySet<string> {
  return new Set(block.tags.map((tag) => tag.key));
}

/** The covered keys that this block carries too (the same set when all are). */
function stillCovered(covered: ReadonlySet<string>, block: SeriesBlock): ReadonlySet<string> {
  const carried = seriesKeys(block);
  const kept = [...covered].filter((key) => carried.has(key));
  return kept.length === covered.size ? covered : new Set(kept);
}

/** What the page draws: the frozen view while paused, else the live one. */
export function shownState(state: StreamState): DashboardState | null {
  return state.paused ? (state.frozen ?? state.live) : state.live;
}
