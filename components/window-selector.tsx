'use client';
/** Chooses the window of the top-hashtags chart among those the server computes. */
import { formatWindowMs } from '@/lib/client/format';
import { useTrends } from './trends-provider';
import { SegmentedControl } from './ui/segmented-control';
import { Skeleton } from './ui/skeleton';

export function WindowSelector() {
  const { view, selectedWindow, selectWindow } = useTrends();
  if (!view || !selectedWindow) return <Skeleton className="h-8 w-44" />;
  return (
    <SegmentedControl
      label="Window of the top hashtags"
      options={view.windows.map((window) => ({
        value: window.label,
        label: window.label,
        ariaLabel: `Last ${formatWindowMs(window.windowMs)}`,
      }))}
      value={selectedWindow.label}
      onChange={selectWindow}
    />
  );
}
