'use client';
import { useEffect, useState } from 'react';
import { fetchTagHistory } from './tag-history';
import type { HistoryPoint, HistoryRange } from './tag-history';

/** History changes once a minute: refetched this often while a range is shown. */
const REFRESH_MS = 30_000;

export interface TagHistoryState {
  /** Points per key of the last successful fetch; undefined while the first one runs. */
  byKey: ReadonlyMap<string, HistoryPoint[]> | undefined;
  error: string | null;
}

const EMPTY_HISTORY: TagHistoryState = { byKey: undefined, error: null };

/** The per-minute history of `keys` over `range` (nothing when `range` is undefined). */
export function useTagHistory(keys: readonly string[], range: HistoryRange | undefined) {
  const [state, setState] = useState<TagHistoryState>(EMPTY_HISTORY);
  const keyList = keys.join('\n');
  useEffect(() => {
    // Kept as it is when already empty: a new object would render the chart again for nothing
    // (at mount, right after hydration, in a render nothing may interrupt).
    setState((previous) =>
      previous.byKey === undefined && previous.error === null ? previous : EMPTY_HISTORY,
    );
    if (range === undefined) return;
    const controller = new AbortController();
    const load = async () => {
      try {
        const list = keyList === '' ? [] : keyList.split('\n');
        const all = await Promise.all(
          list.map((key) => fetchTagHistory(key, range, controller.signal)),
        );
        setState({ byKey: new Map(list.map((key, i) => [key, all[i]!])), error: null });
      } catch (error) {
        if (!controller.signal.aborted) {
          setState((previous) => ({ ...previous, error: (error as Error).message }));
        }
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [keyList, range]);
  return state;
}
