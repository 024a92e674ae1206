'use client';
/**
 * The open tag detail: fetched over HTTP when it opens (or its window changes), then replaced by
 * each `detail` update the socket brings. A failed fetch is reported as `error`; the socket's
 * next update still fills the view. A detail the page was rendered with (`initial`, for the tag
 * and window asked) stands in for the first fetch.
 */
import { useEffect, useRef, useState } from 'react';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { fetchTagDetail } from './fetch-tag-detail';

export interface TagDetailState {
  detail: TagDetailUpdate | null;
  error: string | null;
}

export function useTagDetail(
  key: string | null,
  window: string,
  socketUpdate: TagDetailUpdate | null,
  initial: TagDetailUpdate | null = null,
): TagDetailState {
  const initialFits =
    initial !== null && initial.summary.key === key && initial.related.window === window;
  const [fetched, setFetched] = useState<TagDetailState & { key: string | null }>(() => ({
    key: initialFits ? key : null,
    detail: initialFits ? initial : null,
    error: null,
  }));
  const rendered = useRef(initialFits);
  useEffect(() => {
    if (key === null) return;
    if (rendered.current) {
      rendered.current = false;
      return;
    }
    const controller = new AbortController();
    setFetched({ key, detail: null, error: null });
    fetchTagDetail(key, window, controller.signal)
      .then((detail) => setFetched({ key, detail, error: null }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setFetched({ key, detail: null, error: error.message });
      });
    return () => controller.abort();
  }, [key, window]);
  if (key === null) return { detail: null, error: null };
  const live = socketUpdate?.summary.key === key ? socketUpdate : null;
  const own = fetched.key === key ? fetched : { detail: null, error: null };
  const newest =
    live && (!own.detail || (live.summary.batchTime ?? 0) >= (own.detail.summary.batchTime ?? 0))
      ? live
      : own.detail;
  return { detail: newest, error: newest ? null : own.error };
}
