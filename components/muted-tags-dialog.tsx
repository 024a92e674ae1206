'use client';
/** "Muted (N)": the tags hidden from every panel, each with "Unmute", and a field to mute one. */
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { hashtagKey } from '@/lib/trends/parsing/hashtag-key';
import { useTrendsControls } from './trends-provider';

const BUTTON_CLASS =
  'rounded-lg border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

export function MutedTagsButton() {
  const { muted, muteTag, unmuteTag } = useTrendsControls();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim().replace(/^[#＃]/, '');
    if (!tag || /[\s,]/.test(tag)) return;
    muteTag({ key: hashtagKey(tag), tag });
    setDraft('');
  };
  return (
    <>
      <button
        type="button"
        data-testid="muted-button"
        onClick={() => dialog.current?.showModal()}
        className={BUTTON_CLASS}
      >
        Muted ({muted.length})
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="muted-title"
        data-testid="muted-dialog"
        className="m-auto w-[min(24rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <div className="flex items-start justify-between gap-3">
          <h2 id="muted-title" className="text-base font-semibold">
            Muted hashtags
          </h2>
          <button type="button" onClick={() => dialog.current?.close()} className={BUTTON_CLASS}>
            Done
          </button>
        </div>
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Hidden from every panel, in this browser only.
        </p>
        <form onSubmit={onSubmit} className="mt-3 flex items-end gap-2">
          <label htmlFor={inputId} className="flex flex-1 flex-col gap-1 text-xs font-medium">
            Hashtag to mute
            <input
              id={inputId}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder="#NowPlaying"
              className="rounded-lg border border-zinc-300 bg-white px-2 py-1 font-normal dark:border-zinc-600 dark:bg-zinc-950"
            />
          </label>
          <button type="submit" className={BUTTON_CLASS}>
            Mute
          </button>
        </form>
        {muted.length ? (
          <ul data-testid="muted-list" className="mt-3 flex flex-col gap-1">
            {muted.map((tag) => (
              <li key={tag.key} className="flex items-center justify-between gap-2 text-sm">
                <span className="min-w-0 truncate">#{tag.tag}</span>
                <button
                  type="button"
                  onClick={() => unmuteTag(tag.key)}
                  aria-label={`Unmute #${tag.tag}`}
                  className={BUTTON_CLASS}
                >
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">No muted hashtag.</p>
        )}
      </dialog>
    </>
  );
}
