'use client';
/** The alerts that fired since the page opened, as marks in the page, each opening its tag. */
import { formatClock } from '@/lib/client/format';
import { useTrendsControls } from './trends-provider';
import { BellIcon } from './ui/icons';

export function AlertMarks() {
  const { marks, dismissMark, openTag } = useTrendsControls();
  return (
    <div role="status" aria-live="polite" data-testid="alert-marks">
      {marks.length ? (
        <ul className="flex flex-col gap-1.5">
          {marks.map((mark) => (
            <li
              key={`${mark.key}-${mark.reason}-${mark.batchTime}`}
              data-testid="alert-mark"
              className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
            >
              <BellIcon />
              <button
                type="button"
                onClick={() => openTag({ key: mark.key, tag: mark.tag })}
                className="font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500"
              >
                {mark.message}
              </button>
              <span className="text-xs tabular-nums">at {formatClock(mark.batchTime)}</span>
              <button
                type="button"
                onClick={() => dismissMark(mark)}
                aria-label={`Dismiss: ${mark.message}`}
                className="ml-auto rounded px-1.5 text-xs hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-amber-900"
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
