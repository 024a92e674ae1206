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
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useHydrated } from '@/lib/client/use-hydrated';
import type { TagDetailUpdate } from '@/lib/tag-detail-protocol';
import { useTrendsControls } from '../trends-provider';

/** The body's code loads when a detail first opens: the dashboard's first view does not need it. */
const TagDetailBody = dynamic(
  () => import('./tag-detail-body').then((module) => module.TagDetailBody),
  { ssr: false, loading: () => <div className="h-40" aria-busy="true" /> },
);

/**
 * The same body, rendered on the server when the page's address opens a detail: its code is then
 * named in that page's HTML (no other page loads it), and hydration waits for it. No Suspense
 * boundary: the HTML is sent in one piece (see app/page.tsx).
 */
const AddressDetailBody = dynamic(() =>
  import('./tag-detail-body').then((module) => module.TagDetailBody),
);

/** The detail the page's address opens, as the page read it from the latest batch. */
export interface AddressDetail {
  key: string;
  detail: TagDetailUpdate;
}

export function TagDetailDialog({ addressDetail }: { addressDetail?: AddressDetail }) {
  const { detailTag, closeTag } = useTrendsControls();
  // The body is rendered only once hydrated: a tag opened before this section has hydrated (a
  // click on a section hydrated first) would otherwise hydrate the server's empty dialog with a
  // body, a mismatch that makes React discard the server's HTML. The address's detail is the
  // exception: the page renders it, in the HTML and at hydration, until another tag opens.
  const hydrated = useHydrated();
  const [opened, setOpened] = useState(addressDetail);
  const showsAddressDetail = opened !== undefined && detailTag?.key === opened.key;
  useEffect(() => {
    if (opened !== undefined && detailTag?.key !== opened.key) setOpened(undefined);
  }, [detailTag, opened]);
  const dialog = useRef<HTMLDialogElement>(null);
  // The HTML's detail is open in place (`open`; only a script makes a dialog modal) and is made
  // modal where it stands, in a task of its own after hydration: becoming modal restyles the
  // whole page (the rest turns inert), and a browser recording where each restyle comes from
  // (as a performance trace does) records the script's stack for each element, a hundred frames
  // deep in React's commit. It stays open, as drawn, until then. A detail opened later becomes
  // modal in a microtask, before the next paint, outside React's commit too.
  // The `open` attribute is React's only at the first render: from then on the dialog is opened
  // and closed by its methods alone, so a render never takes it away from a modal dialog.
  const [openInHtml] = useState(showsAddressDetail);
  const wantsModal = useRef(false);
  useLayoutEffect(() => {
    const element = dialog.current;
    wantsModal.current = hydrated && detailTag !== null;
    if (!element) return;
    const makeModal = () => {
      if (!wantsModal.current || !element.isConnected || element.matches(':modal')) return;
      // The in-place dialog closes and reopens as modal in the same task, with no paint between.
      if (element.open) element.close();
      element.showModal();
    };
    if (wantsModal.current && element.open && !element.matches(':modal')) {
      const task = setTimeout(makeModal, 0);
      return () => clearTimeout(task);
    }
    if (wantsModal.current && !element.open) queueMicrotask(makeModal);
    if (!detailTag && element.open) element.close();
  }, [detailTag, hydrated]);
  return (
    <dialog
      ref={dialog}
      open={openInHtml}
      aria-labelledby="tag-detail-title"
      data-testid="tag-detail"
      // A close made to reopen it as modal is not the reader's: the dialog is open again by then.
      onClose={() => {
        if (!dialog.current?.open) closeTag();
      }}
      className={`mx-auto mt-3 mb-auto max-h-[calc(100dvh-1.5rem)] sm:mt-[6dvh] sm:max-h-[88dvh] w-[min(56rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${IN_PLACE_AS_MODAL}`}
    >
      {showsAddressDetail ? (
        <AddressDetailBody
          tagKey={opened.key}
          spelling={opened.detail.summary.tag}
          initialDetail={opened.detail}
        />
      ) : null}
      {!showsAddressDetail && hydrated && detailTag ? (
        <TagDetailBody tagKey={detailTag.key} spelling={detailTag.tag} />
      ) : null}
    </dialog>
  );
}

/**
 * The HTML's open detail is not modal (only a script makes a dialog modal): placed, sized and
 * scrolled as the browser places a modal one, so that becoming modal moves nothing.
 */
const IN_PLACE_AS_MODAL =
  '[&:not(:modal)]:fixed [&:not(:modal)]:inset-0 [&:not(:modal)]:z-50 [&:not(:modal)]:max-w-[calc(100%-6px-2em)] [&:not(:modal)]:overflow-auto';
