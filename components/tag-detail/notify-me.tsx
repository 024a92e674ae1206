'use client';
/**
 * "Notify me" on a tag: when it enters the trending list and, if a threshold is set, when its
 * count in the shortest window reaches it. The alert is kept in the browser.
 */
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { formatWindowMs } from '@/lib/client/format';
import { useTrends } from '../trends-provider';

const BUTTON_CLASS =
  'rounded-lg border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

export function NotifyMe({ tagKey, tag }: { tagKey: string; tag: string }) {
  const { alerts, setTagAlert, removeTagAlert, view } = useTrends();
  const alert = alerts.find((existing) => existing.key === tagKey);
  const [threshold, setThreshold] = useState(alert?.threshold ? String(alert.threshold) : '');
  const inputId = useId();
  const shortestMs = view ? Math.min(...view.windows.map((window) => window.windowMs)) : 60_000;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number.parseInt(threshold, 10);
    setTagAlert({
      key: tagKey,
      tag,
      threshold: Number.isInteger(value) && value > 0 ? value : null,
    });
  };
  return (
    <form
      onSubmit={onSubmit}
      data-testid="notify-me"
      className="flex flex-wrap items-end gap-2 text-xs"
    >
      <label htmlFor={inputId} className="flex flex-col gap-1">
        <span>Also when posts in the last {formatWindowMs(shortestMs)} reach (optional)</span>
        <input
          id={inputId}
          type="number"
          min={1}
          inputMode="numeric"
          value={threshold}
          onChange={(event) => setThreshold(event.target.value)}
          className="w-28 rounded-lg border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-950"
        />
      </label>
      <button type="submit" className={BUTTON_CLASS}>
        {alert ? 'Update alert' : 'Notify me'}
      </button>
      {alert ? (
        <button type="button" className={BUTTON_CLASS} onClick={() => removeTagAlert(tagKey)}>
          Stop notifying
        </button>
      ) : null}
      <p role="status" className="basis-full text-zinc-500 dark:text-zinc-400">
        {alert
          ? `You will be notified when #${tag} trends${alert.threshold ? ` or reaches ${alert.threshold} posts` : ''}.`
          : ''}
      </p>
    </form>
  );
}
