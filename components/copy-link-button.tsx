'use client';
/** Copies the address of the view (the address bar always holds it) and says "Copied". */
import { useEffect, useState } from 'react';
import { copyText } from '@/lib/client/copy-text';

const CONFIRM_MS = 2500;

export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        data-testid="copy-link"
        onClick={() =>
          void copyText(window.location.href).then((ok) => setState(ok ? 'copied' : 'failed'))
        }
        className="rounded-lg border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        Copy link
      </button>
      <span
        role="status"
        data-testid="copy-link-status"
        className="text-xs text-zinc-600 dark:text-zinc-400"
      >
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: copy the address bar'
            : ''}
      </span>
    </span>
  );
}
