/** Panel of the dashboard: a titled section with optional actions at the top right. */
import type { ReactNode } from 'react';

interface CardProps {
  /** Heading text; also names the section for assistive technology. */
  title: string;
  /** Stable id of the heading, for `aria-labelledby`. */
  titleId: string;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Card({ title, titleId, description, actions, className, children }: CardProps) {
  return (
    <section
      aria-labelledby={titleId}
      className={`flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className ?? ''}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 pt-4 sm:px-5">
        <div className="min-w-0">
          <h2 id={titleId} className="text-sm font-semibold tracking-tight">
            {title}
          </h2>
          {description ? (
            <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{description}</p>
          ) : null}
        </div>
        {actions}
      </header>
      <div className="flex min-h-0 flex-1 flex-col px-4 pt-3 pb-4 sm:px-5">{children}</div>
    </section>
  );
}
