'use client';
/** The wall-clock time, refreshed every `intervalMs` while `enabled` (else not ticking). */
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number, enabled = true): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => setNowMs(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, enabled]);
  return nowMs;
}
