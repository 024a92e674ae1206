'use client';
/** Chooses the window of the top-hashtags chart among those the server computes. */
import { formatWindowMs } from '@/lib/client/format';
import { useTrendsControls } from './trends-provider';
import { SegmentedControl } from './ui/segmented-control';
import { Skeleton } from './ui/skeleton';

export function WindowSelector() {
  const { windowOptions, shownWindowLabel, selectWindow } = useTrendsControls();
  if (shownWindowLabel === undefined) return <Skeleton className="h-8 w-44" />;
  return (
    <SegmentedControl
      label="Window of the top hashtags"
      options={windowOptions.map((window) => ({
        value: window.label,
        label: window.label,
        ariaLabel: `Last ${formatWindowMs(window.windowMs)}`,
      }))}
      value={shownWindowLabel}
      onChange={selectWindow}
    />
  );
}
