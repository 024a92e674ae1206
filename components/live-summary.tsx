'use client';
/**
 * A visually hidden `aria-live="polite"` summary of the top tags. It is refreshed at most every
 * `SUMMARY_INTERVAL_MS`, not per batch, so a screen reader is not flooded.
 */
import { useEffect, useRef, useState } from 'react';
import { summaryText } from '@/lib/client/summary-text';
import { useTrends } from './trends-provider';

export const SUMMARY_INTERVAL_MS = 10_000;

export function LiveSummary() {
  const { view, selectedWindow, connection, paused } = useTrends();
  const latestText = useRef('');
  const [spoken, setSpoken] = useState('');

  useEffect(() => {
    latestText.current = summaryText(view, selectedWindow, connection, paused);
  });

  useEffect(() => {
    const timer = window.setInterval(() => setSpoken(latestText.current), SUMMARY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-summary">
      {spoken}
    </div>
  );
}
