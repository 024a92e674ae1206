import { describe, expect, it } from 'vitest';
import type { StreamState } from './stream-reducer';
import { initialStreamState, shownState, streamReducer, streamStateFrom } from './stream-reducer';
import { batchUpdate, block, point, snapshot, sourceStatus } from './test-factories';

function connectedWithSnapshot(): StreamState {
  const connected = streamReducer(initialStreamState, { type: 'connection', connection: 'live' });
  return streamReducer(connected, { type: 'snapshot', snapshot: snapshot(), receivedAtMs: 1 });
}

describe('streamReducer', () => {
  it('drops a batch that arrives before any snapshot', () => {
    expect(
      streamReducer(initialStreamState, {
        type: 'batch',
        update: batchUpdate(4000),
        receivedAtMs: 2,
      }),
    ).toBe(initialStreamState);
  });

  it('replaces the whole state with the snapshot of a reconnection', () => {
    let state = connectedWithSnapshot();
    state = streamReducer(state, { type: 'batch', update: batchUpdate(4000), receivedAtMs: 2 });
    state = streamReducer(state, {
      type: 'snapshot',
      snapshot: snapshot({ batchTime: 10_000, series: block([[10_000, [['c', 1]]]]) }),
      receivedAtMs: 3,
    });
    expect(state.live?.series).toEqual([point(10_000, [['c', 1]])]);
    expect(state.snapshots).toBe(2);
  });

  it('shows a source status that changed between batches, paused or not', () => {
    const degraded = sourceStatus({ degraded: 'Redis unreachable: showing the last results' });
    let state = streamReducer(connectedWithSnapshot(), { type: 'pause' });
    state = streamReducer(state, { type: 'source', source: degraded });
    expect(shownState(state)?.source.degraded).toBe(degraded.degraded);
    expect(state.live?.source).toEqual(degraded);
    expect(state.live?.batchTime).toBe(2000);
  });

  it('keeps showing the frozen view while paused and the latest after resume', () => {
    let state = streamReducer(connectedWithSnapshot(), { type: 'pause' });
    state = streamReducer(state, { type: 'batch', update: batchUpdate(4000), receivedAtMs: 2 });
    state = streamReducer(state, { type: 'batch', update: batchUpdate(6000), receivedAtMs: 2 });
    expect(shownState(state)?.batchTime).toBe(2000);
    expect(state.live?.batchTime).toBe(6000);
    state = streamReducer(state, { type: 'resume' });
    expect(shownState(state)?.batchTime).toBe(6000);
  });

  it('writes fetched history into both the live and the frozen view', () => {
    let state = streamReducer(connectedWithSnapshot(), { type: 'pause' });
    state = streamReducer(state, {
      type: 'history',
      key: 'b',
      tag: 'B',
      points: [{ batchTime: 2000, count: 7 }],
    });
    expect(state.live?.series[0]?.counts.get('b')).toBe(7);
    expect(state.frozen?.series[0]?.counts.get('b')).toBe(7);
  });

  it('remembers when the last message arrived', () => {
    let state = connectedWithSnapshot();
    expect(state.lastMessageAtMs).toBe(1);
    state = streamReducer(state, { type: 'batch', update: batchUpdate(4000), receivedAtMs: 7 });
    expect(state.lastMessageAtMs).toBe(7);
  });

  it('returns the same state when the connection state does not change', () => {
    const state = connectedWithSnapshot();
    expect(streamReducer(state, { type: 'connection', connection: 'live' })).toBe(state);
  });
});

describe('streamReducer series updates', () => {
  it('merges a watched series into the batch it belongs to, in the live view only', () => {
    let state = streamReducer(connectedWithSnapshot(), {
      type: 'batch',
      update: batchUpdate(4000),
      receivedAtMs: 2,
    });
    state = streamReducer(state, { type: 'pause' });
    state = streamReducer(state, {
      type: 'series',
      update: { batchTime: 4000, series: block([[4000, [['w', 3]]]], [['w', 'W']]) },
    });
    expect(state.live?.series.at(-1)).toEqual(
      point(4000, [
        ['a', 1],
        ['w', 3],
      ]),
    );
    expect(state.frozen?.series.at(-1)?.counts.has('w')).toBe(false);
  });

  it('ignores a series update before any snapshot', () => {
    const update = { batchTime: 4000, series: block([[4000, [['w', 3]]]]) };
    expect(streamReducer(initialStreamState, { type: 'series', update })).toBe(initialStreamState);
  });
});

describe('streamReducer from a snapshot rendered with the page', () => {
  it('starts with the page snapshot as the live view and its series keys covered', () => {
    const state = streamStateFrom(snapshot());
    expect(state.live?.batchTime).toBe(2000);
    expect(state.snapshots).toBe(1);
    expect([...state.coveredKeys]).toEqual(['a']);
    expect(state.connection).toBe('connecting');
  });

  it('keeps the live view when the socket snapshot is of the same batch', () => {
    const start = streamStateFrom(snapshot());
    const state = streamReducer(start, { type: 'snapshot', snapshot: snapshot(), receivedAtMs: 5 });
    expect(state.live).toBe(start.live);
    expect(state.snapshots).toBe(1);
    expect(state.lastMessageAtMs).toBe(5);
  });

  it('replaces the live view with a socket snapshot of a later batch', () => {
    const start = streamStateFrom(snapshot());
    const state = streamReducer(start, {
      type: 'snapshot',
      snapshot: snapshot({ batchTime: 4000, series: block([[4000, [['c', 1]]]]) }),
      receivedAtMs: 5,
    });
    expect(state.live?.batchTime).toBe(4000);
    expect(state.snapshots).toBe(2);
    expect([...state.coveredKeys]).toEqual(['c']);
  });

  it('replaces the view on a reconnection snapshot even of the same batch', () => {
    let state = streamReducer(streamStateFrom(snapshot()), {
      type: 'snapshot',
      snapshot: snapshot(),
      receivedAtMs: 5,
    });
    state = streamReducer(state, { type: 'snapshot', snapshot: snapshot(), receivedAtMs: 6 });
    expect(state.snapshots).toBe(2);
  });

  it('stops covering a key once a batch arrives without its points', () => {
    let state = streamStateFrom(
      snapshot({
        series: block([
          [
            2000,
            [
              ['a', 3],
              ['b', 1],
            ],
          ],
        ]),
      }),
    );
    state = streamReducer(state, {
      type: 'batch',
      update: batchUpdate(4000, { series: block([[4000, [['a', 2]]]]) }),
      receivedAtMs: 5,
    });
    expect([...state.coveredKeys]).toEqual(['a']);
  });

  it('starts empty without a page snapshot', () => {
    expect(streamStateFrom(null)).toBe(initialStreamState);
  });
});
