/**
 * Filtered dashboards over real socket.io clients: the fixture of languages replayed at 10× so
 * that batches arrive after the clients chose their filters. Each client ends with the numbers of
 * its own filter; clients with the same filter get the same update (built once for their room).
 */
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BatchUpdate,
  ClientToServerEvents,
  DashboardSnapshot,
  FilterRefusal,
  ServerToClientEvents,
  ViewFilter,
} from '@/lib/protocol';
import { MAX_DISTINCT_FILTERS } from '@/lib/protocol';
import { startFixtureServer } from '@/tests/support/fixture-server';
import {
  EXPECTED_BY_FILTER,
  EXPECTED_LANGUAGES,
  writeLanguageFixture,
} from '@/tests/support/language-fixture';
import { waitFor } from '@/tests/support/wait-for';
import type { TagstreamServer } from '../create-server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Watcher {
  client: Client;
  snapshots: DashboardSnapshot[];
  batches: BatchUpdate[];
  refusals: FilterRefusal[];
}

let fixture: ReturnType<typeof writeLanguageFixture>;
let server: TagstreamServer;
let base = '';
const watchers: Watcher[] = [];

function watch(filter?: ViewFilter): Watcher {
  const client: Client = connectClient(base, { transports: ['websocket'], reconnection: false });
  const watcher: Watcher = { client, snapshots: [], batches: [], refusals: [] };
  client.on('snapshot', (snapshot) => watcher.snapshots.push(snapshot));
  client.on('batch', (update) => watcher.batches.push(update));
  client.on('filterRefused', (refusal) => watcher.refusals.push(refusal));
  if (filter !== undefined) client.emit('filter', filter);
  watchers.push(watcher);
  return watcher;
}

/** `[key, count]` of the 5 m window of a message. */
function fiveMinutes(message: BatchUpdate | DashboardSnapshot): [string, number][] {
  const window = message.windows.find((candidate) => candidate.label === '5m')!;
  return window.top.map((tag) => [tag.key, tag.count]);
}

beforeAll(async () => {
  fixture = writeLanguageFixture();
  ({ server, base } = await startFixtureServer(fixture.path, {
    FIXTURE_SPEED: '10',
    CLIENT_UPDATE_INTERVAL_MS: '50',
  }));
});

afterAll(async () => {
  for (const { client } of watchers) client.disconnect();
  await server?.close();
  fixture?.remove();
});

describe('socket filters', () => {
  it('send each client the numbers of its filter, and the shared broadcast to the others', async () => {
    const portuguese = watch({ lang: 'pt' });
    const portugueseToo = watch({ lang: 'PT' });
    const originals = watch({ originalsOnly: true });
    const everyone = watch();
    const all = [portuguese, portugueseToo, originals, everyone];
    await waitFor(
      () => {
        const latest = server.store.latest()?.batchTime ?? 0;
        return (
          latest > fixture.lastPostMs &&
          all.every((watcher) => watcher.batches.at(-1)?.batchTime === latest)
        );
      },
      'every client to get the last batch',
      { timeoutMs: 30_000 },
    );
    const last = (watcher: Watcher) => watcher.batches.at(-1)!;
    expect(last(portuguese).filter).toEqual({ lang: 'pt' });
    expect(fiveMinutes(last(portuguese))).toEqual(EXPECTED_BY_FILTER['lang=pt']);
    expect(fiveMinutes(last(originals))).toEqual(EXPECTED_BY_FILTER['originals=true']);
    expect(last(originals).filter).toEqual({ originalsOnly: true });
    expect(fiveMinutes(last(everyone))).toEqual(EXPECTED_BY_FILTER['']);
    expect(last(everyone).filter).toEqual({});
    // The same filter, however spelled: one room, one update.
    expect(last(portugueseToo)).toEqual(last(portuguese));
    // Every message names the languages of the default window's posts.
    for (const watcher of all) expect(last(watcher).languages).toEqual(EXPECTED_LANGUAGES);
  });

  it('answers a filter with a snapshot under it and refuses what is not a filter', async () => {
    const watcher = watch();
    await waitFor(() => watcher.snapshots.length === 1, 'the first snapshot');
    watcher.client.emit('filter', { lang: 'pt', originalsOnly: true });
    await waitFor(() => watcher.snapshots.length === 2, 'the filtered snapshot');
    expect(watcher.snapshots[1]!.filter).toEqual({ lang: 'pt', originalsOnly: true });
    const snapshot = watcher.snapshots[1]!;
    expect(fiveMinutes(snapshot)).toEqual(EXPECTED_BY_FILTER['lang=pt&originals=true']);
    // Its series are under the filter too (the replay is over: they hold every post).
    const at = snapshot.series.tags.findIndex((tag) => tag.key === 'futebol');
    const total = snapshot.series.points.reduce((sum, point) => sum + point.counts[at]!, 0);
    expect(total).toBe(10);
    for (const bad of [{ lang: '__proto__' }, { originalsOnly: 'yes' }, 'pt', [1]]) {
      watcher.client.emit('filter', bad as unknown as ViewFilter);
    }
    await waitFor(() => watcher.refusals.length === 4, 'four refusals', { timeoutMs: 5_000 });
    expect(watcher.snapshots).toHaveLength(2);
  });

  it(`serves at most ${MAX_DISTINCT_FILTERS} distinct filters at once`, async () => {
    const languages = Array.from(
      { length: MAX_DISTINCT_FILTERS + 1 },
      (_, index) => `x${String.fromCharCode(97 + index)}`,
    );
    const crowd = languages.map(() => watch());
    await waitFor(() => crowd.every((watcher) => watcher.snapshots.length === 1), 'snapshots');
    // Rooms already in use (pt, originals, pt + originals) count towards the cap.
    for (const [index, watcher] of crowd.entries()) {
      watcher.client.emit('filter', { lang: languages[index]! });
    }
    await waitFor(
      () => crowd.every((watcher) => watcher.snapshots.length + watcher.refusals.length === 2),
      'every filter answered',
    );
    const served = crowd.filter((watcher) => watcher.snapshots.length === 2).length;
    expect(served).toBe(MAX_DISTINCT_FILTERS - 3);
    expect(crowd.find((watcher) => watcher.refusals.length === 1)!.refusals[0]!.reason).toMatch(
      /at most/,
    );
  });
});
