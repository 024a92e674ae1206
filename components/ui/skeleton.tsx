/** Placeholder block shown before the first snapshot. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-md bg-zinc-200/80 dark:bg-zinc-800 ${className ?? ''}`}
    />
  );
}

/** A column of skeleton rows of decreasing width, like a ranked list or bar chart loading. */
export function SkeletonRows({ rows, className }: { rows: number; className?: string }) {
  return (
    <div role="status" aria-label="Loading" className={`flex flex-col gap-2.5 ${className ?? ''}`}>
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className="h-5" />
      ))}
    </div>
  );
}

/** Centred message for an empty panel: what is missing and, optionally, why. */
export function EmptyState({ title, detail }: { title: string; detail?: string }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-1 py-10 text-center">
      <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{title}</p>
      {detail ? (
        <p className="max-w-xs text-xs text-zinc-500 dark:text-zinc-400">{detail}</p>
      ) : null}
    </div>
  );
}
