/**
 * Client side of `GET /api/trends/:tag/history`: fetching one tag's minutes, and merging the
 * watched tags' minutes into chart rows with a summary of where data is missing.
 */
export type HistoryRange = '1h' | '6h' | '24h';
export const HISTORY_RANGES: readonly HistoryRange[] = ['1h', '6h', '24h'];

export interface HistoryPoint {
  time: number;
  count: number | null;
  state: 'counted' | 'before-start' | 'down' | 'untracked';
}

/** One chart row per minute: each key's count, null where it is not known. */
export interface HistoryRow {
  time: number;
  counts: Map<string, number | null>;
}

/** Where the chart has no data: history start, spans while the server was down. */
export interface MissingData {
  /** First minute with data (every earlier minute is before the history began); null if none. */
  startsAt: number | null;
  /** Minutes the server was down, as `[from, to]` minute starts (inclusive). */
  down: [number, number][];
}

export async function fetchTagHistory(
  key: string,
  range: HistoryRange,
  signal?: AbortSignal,
): Promise<HistoryPoint[]> {
  const response = await fetch(`/api/trends/${encodeURIComponent(key)}/history?range=${range}`, {
    signal,
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`history of ${key}: HTTP ${response.status}`);
  const body = (await response.json()) as { points?: unknown };
  if (!Array.isArray(body.points)) throw new Error(`history of ${key}: unexpected body`);
  return (body.points as HistoryPoint[]).filter((point) => Number.isFinite(point?.time));
}

/** Rows by minute over every key's points (the keys share the server's minutes). */
export function historyRows(byKey: ReadonlyMap<string, HistoryPoint[]>): HistoryRow[] {
  const rows = new Map<number, HistoryRow>();
  for (const [key, points] of byKey) {
    for (const point of points) {
      let row = rows.get(point.time);
      if (row === undefined) rows.set(point.time, (row = { time: point.time, counts: new Map() }));
      row.counts.set(key, point.state === 'counted' ? point.count : null);
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

/** Start of the data and down spans, read from any key's points (they are the server's). */
export function missingData(points: readonly HistoryPoint[]): MissingData {
  const started = points.find((point) => point.state !== 'before-start');
  const down: [number, number][] = [];
  for (const point of points) {
    if (point.state !== 'down') continue;
    const last = down.at(-1);
    if (last !== undefined && point.time - last[1] <= 60_000) last[1] = point.time;
    else down.push([point.time, point.time]);
  }
  return { startsAt: started?.time ?? null, down };
}
