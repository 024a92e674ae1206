'use client';
/**
 * Owns the dashboard's socket.io connection. Prefers websocket (falls back to polling), and
 * reconnects by itself: hosts such as Cloud Run cut websockets at their request timeout. Every
 * (re)connection starts with a `snapshot` that replaces the state; `batch` updates fold in. The
 * watched keys are sent on every connect and whenever they change, and each newly watched key's
 * history is fetched once per snapshot, then extended by the series points of later batches.
 * The view filter and the open tag detail are sent the same way (on connect and on change); the
 * server answers a new filter with a new snapshot and sends the detail's updates per batch.
 */
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, DashboardSnapshot, ServerToClientEvents } from '@/lib/protocol';
import type { TagDetailRequest, TagDetailUpdate } from '@/lib/tag-detail-protocol';
import type { ViewFilter } from '@/lib/view-filters';
import { isUnfiltered, NO_FILTER } from '@/lib/view-filters';
import type { CoalescedUpdates } from './coalesced-updates';
import { coalescedUpdates } from './coalesced-updates';
import { fetchTagSeries } from './fetch-tag-series';
import type { ConnectionState, StreamAction } from './stream-reducer';
import { shownState, streamReducer, streamStateFrom } from './stream-reducer';
import type { DashboardState } from './dashboard-state';

type TrendsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After this many failed connection attempts in a row the state reads `offline`. */
export const OFFLINE_AFTER_FAILURES = 4;

/**
 * The wait before loading the socket's code again after `failures` failed loads: 1 s, doubling,
 * at most 30 s.
 */
function clientLoadRetryDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** failures, 30_000);
}

export interface TrendsStream {
  connection: ConnectionState;
  /** What to draw: frozen while paused. Null until the first snapshot. */
  view: DashboardState | null;
  /** The newest state, even while paused. */
  latest: DashboardState | null;
  paused: boolean;
  togglePause: () => void;
  /** Wall-clock time (ms) of the last snapshot or batch; null before any. */
  lastMessageAtMs: number | null;
  /** The latest socket update of the subscribed tag detail; null before one arrives. */
  detailUpdate: TagDetailUpdate | null;
}

/** What this client asks of the server besides the shared stream. */
interface Subscriptions {
  watched: readonly string[];
  filter: ViewFilter;
  detail: TagDetailRequest | null;
}

/**
 * `watchedKeys`, `filter` and `detail` must keep their identity while their content is
 * unchanged (memoise them). `initialSnapshot`: the latest state the server rendered the page
 * with, if any.
 */
export function useTrendsSocket(
  watchedKeys: readonly string[],
  initialSnapshot: DashboardSnapshot | null = null,
  filter: ViewFilter = NO_FILTER,
  detail: TagDetailRequest | null = null,
): TrendsStream {
  const [state, dispatch] = useReducer(streamReducer, initialSnapshot, streamStateFrom);
  const [detailUpdate, setDetailUpdate] = useState<TagDetailUpdate | null>(null);
  const socketRef = useRef<TrendsSocket | null>(null);
  const subscriptions = useRef<Subscriptions>({ watched: watchedKeys, filter, detail });

  useEffect(() => {
    let socket: TrendsSocket | undefined;
    let detach: (() => void) | undefined;
    let updates: CoalescedUpdates | undefined;
    let unmounted = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // socket.io-client loads after hydration: the first view comes with the page. Being async,
    // this also lets React's development double mount drop a socket that never opened. Its code
    // is loaded again after a failure (a network blip at load would otherwise leave the page
    // offline until a reload); the page reads offline meanwhile.
    const load = (failures: number) =>
      import('socket.io-client').then(
        ({ io }) => {
          if (unmounted) return;
          socket = io({ transports: ['websocket', 'polling'], tryAllTransports: true });
          socketRef.current = socket;
          updates = coalescedUpdates(startTransition);
          detach = attachHandlers(socket, dispatch, () => subscriptions.current, updates);
          socket.on('detail', (update) => {
            if (update.summary.key !== subscriptions.current.detail?.key) return;
            updates?.push(() => setDetailUpdate(update));
          });
        },
        () => {
          if (unmounted) return;
          dispatch({ type: 'connection', connection: 'offline' });
          retry = setTimeout(() => load(failures + 1), clientLoadRetryDelayMs(failures));
        },
      );
    void load(0);
    return () => {
      unmounted = true;
      clearTimeout(retry);
      updates?.cancel();
      detach?.();
      socket?.disconnect();
      socketRef.current = null;
    };
  }, []);

  useEffect(() => {
    subscriptions.current = { ...subscriptions.current, watched: watchedKeys };
    const socket = socketRef.current;
    if (socket?.connected) socket.emit('watch', [...watchedKeys]);
  }, [watchedKeys]);

  useEffect(() => {
    subscriptions.current = { ...subscriptions.current, filter };
    const socket = socketRef.current;
    if (socket?.connected) socket.emit('filter', filter);
  }, [filter]);

  useEffect(() => {
    subscriptions.current = { ...subscriptions.current, detail };
    setDetailUpdate(null);
    const socket = socketRef.current;
    if (socket?.connected) socket.emit('detail', detail);
  }, [detail]);

  useTagHistory(watchedKeys, state.snapshots, state.coveredKeys, dispatch, filter);

  const togglePause = useCallback(
    () => dispatch({ type: state.paused ? 'resume' : 'pause' }),
    [state.paused],
  );
  return {
    connection: state.connection,
    view: shownState(state),
    latest: state.live,
    paused: state.paused,
    togglePause,
    lastMessageAtMs: state.lastMessageAtMs,
    detailUpdate,
  };
}

/**
 * Wires the socket to the reducer. Connection state: `connecting` until the first connect,
 * `reconnecting` after a drop, `offline` when the browser reports no network or
 * `OFFLINE_AFTER_FAILURES` attempts in a row failed (socket.io keeps retrying meanwhile).
 */
function attachHandlers(
  socket: TrendsSocket,
  dispatch: (action: StreamAction) => void,
  subscriptions: () => Subscriptions,
  updates: CoalescedUpdates,
): () => void {
  // Everything the socket brings renders as a transition: React renders it in slices between
  // which the page answers input, instead of one long task per update (a click waits for no
  // chart), and sections not yet hydrated hydrate in slices too rather than all at once. The
  // messages of one batch (shared update, watched points, tag detail) render together, once.
  const inTransition = (action: StreamAction) => updates.push(() => dispatch(action));
  const setConnection = (connection: ConnectionState) =>
    inTransition({ type: 'connection', connection });
  let connectedOnce = false;
  let failures = 0;
  const notConnected = (): ConnectionState => {
    if (!navigator.onLine || failures >= OFFLINE_AFTER_FAILURES) return 'offline';
    return connectedOnce ? 'reconnecting' : 'connecting';
  };
  socket.on('connect', () => {
    connectedOnce = true;
    failures = 0;
    setConnection('live');
    const { watched, filter, detail } = subscriptions();
    if (!isUnfiltered(filter)) socket.emit('filter', filter);
    socket.emit('watch', [...watched]);
    if (detail) socket.emit('detail', detail);
  });
  socket.on('connect_error', () => {
    failures += 1;
    setConnection(notConnected());
  });
  socket.on('disconnect', (reason) => {
    setConnection(notConnected());
    // The server closed the session on purpose; socket.io does not retry by itself then.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('snapshot', (snapshot) =>
    inTransition({ type: 'snapshot', snapshot, receivedAtMs: Date.now() }),
  );
  socket.on('batch', (update) => inTransition({ type: 'batch', update, receivedAtMs: Date.now() }));
  socket.on('source', (source) => inTransition({ type: 'source', source }));
  socket.on('series', (update) => inTransition({ type: 'series', update }));
  const onNetworkChange = () => {
    if (!socket.connected) setConnection(notConnected());
  };
  window.addEventListener('offline', onNetworkChange);
  window.addEventListener('online', onNetworkChange);
  return () => {
    window.removeEventListener('offline', onNetworkChange);
    window.removeEventListener('online', onNetworkChange);
    socket.removeAllListeners();
  };
}

/**
 * Fetches the history of every watched key not yet fetched since the latest snapshot (a
 * snapshot after a reconnect replaces the series, so history is fetched again), unless the held
 * series already covers it (`coveredKeys`: the snapshot carried it, as it does the top tags). A
 * fetch is aborted when its key is unwatched; a failed one is left alone: the line starts at the
 * next batch.
 */
function useTagHistory(
  watchedKeys: readonly string[],
  snapshots: number,
  coveredKeys: ReadonlySet<string>,
  dispatch: (action: StreamAction) => void,
  filter: ViewFilter,
) {
  const requests = useRef(new Map<string, { snapshots: number; controller: AbortController }>());
  useEffect(() => {
    if (snapshots === 0) return;
    for (const [key, request] of requests.current) {
      if (watchedKeys.includes(key)) continue;
      request.controller.abort();
      requests.current.delete(key);
    }
    for (const key of watchedKeys) {
      if (requests.current.get(key)?.snapshots === snapshots) continue;
      requests.current.get(key)?.controller.abort();
      const controller = new AbortController();
      requests.current.set(key, { snapshots, controller });
      if (coveredKeys.has(key) && isUnfiltered(filter)) continue;
      fetchTagSeries(key, controller.signal, filter)
        .then(({ tag, points }) =>
          startTransition(() => dispatch({ type: 'history', key, tag, points })),
        )
        .catch(() => undefined);
    }
  }, [watchedKeys, snapshots, coveredKeys, dispatch, filter]);

  useEffect(() => {
    const pending = requests.current;
    return () => {
      for (const request of pending.values()) request.controller.abort();
      pending.clear();
    };
  }, []);
}
