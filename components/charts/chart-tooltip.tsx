/** The tooltip box shared by the charts: a title line and rows of swatch, name and value. */
import type { ReactNode } from 'react';

export interface TooltipRow {
  id: string;
  name: ReactNode;
  value: ReactNode;
  /** CSS colour of the swatch; none when omitted. */
  color?: string;
}

export function ChartTooltipBox({
  title,
  rows,
  footer,
}: {
  title: ReactNode;
  rows: readonly TooltipRow[];
  footer?: ReactNode;
}) {
  return (
    <div className="min-w-40 rounded-lg border border-zinc-200 bg-white/95 px-3 py-2 text-xs shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95">
      <p className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      <ul className="flex flex-col gap-0.5">
        {rows.map((row) => (
          <li key={row.id} className="flex items-center gap-2">
            {row.color ? (
              <span
                aria-hidden="true"
                className="size-2 shrink-0 rounded-full"
                style={{ backgroundColor: row.color }}
              />
            ) : null}
            <span className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-400">
              {row.name}
            </span>
            <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
              {row.value}
            </span>
          </li>
        ))}
      </ul>
      {footer ? <p className="mt-1 text-zinc-500 dark:text-zinc-400">{footer}</p> : null}
    </div>
  );
}
