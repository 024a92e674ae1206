'use client';
/**
 * The detail view of one hashtag, in a modal `<dialog>`: its standing in every window and why it
 * trends, its series, the latest posts carrying it and the related tags, live. Opened from a bar
 * label, a trending row, a chart chip, a hashtag in a post or a related tag, or from the address
 * (`?tag=worldcup`). Esc or the close button closes it; the browser then returns the focus to
 * where it was. It opens at a fixed place near the top, so a body that grows as its content
 * arrives moves nothing above it.
 */
import dynamic from 'next/dynamic';
import { useEffect, useRef } from 'react';
import { useHydrated } from '@/lib/client/use-hydrated';
import { useTrendsControls } from '../trends-provider';

/** The body's code loads when a detail first opens: the dashboard's first view does not need it. */
const TagDetailBody = dynamic(
  () => import('./tag-detail-body').then((module) => module.TagDetailBody),
  { ssr: false, loading: () => <div className="h-40" aria-busy="true" /> },
);

export function TagDetailDialog() {
  const { detailTag, closeTag } = useTrendsControls();
  // The body is rendered only once hydrated: a tag opened before this section has hydrated (a
  // click on a section hydrated first, or the address's `?tag=`) would otherwise hydrate the
  // server's empty dialog with a body, a mismatch that makes React discard the server's HTML.
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (hydrated && detailTag && !element.open) element.showModal();
    if (!detailTag && element.open) element.close();
  }, [detailTag, hydrated]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="tag-detail-title"
      data-testid="tag-detail"
      onClose={closeTag}
      className="mx-auto mt-3 mb-auto max-h-[calc(100dvh-1.5rem)] sm:mt-[6dvh] sm:max-h-[88dvh] w-[min(56rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {hydrated && detailTag ? (
        <TagDetailBody tagKey={detailTag.key} spelling={detailTag.tag} />
      ) : null}
    </dialog>
  );
}
