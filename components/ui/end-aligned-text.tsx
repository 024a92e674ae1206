import type { ReactNode } from 'react';

/**
 * Text drawn against the end of its box (right-aligned, cut with an ellipsis when too long)
 * without being laid out there. Its box starts at the box's start whatever its length: a box as
 * wide as the space moved by its own width, then the text's box moved back by its own. So a
 * live update can change the text in place: a kept text whose start moves counts as a layout
 * shift, and the alternative, a new element for each new text, costs the browser a removal and
 * an insertion where a text change costs one invalidation.
 * `className` goes on the outer box: a block, a grid or flex item, that fixes the width.
 */
export function EndAlignedText({
  children,
  className,
  'aria-hidden': ariaHidden,
}: {
  children: ReactNode;
  className?: string;
  'aria-hidden'?: boolean;
}) {
  return (
    <span
      aria-hidden={ariaHidden}
      className={`block overflow-hidden whitespace-nowrap ${className ?? ''}`}
    >
      <span className="block [translate:100%_0]">
        <span className="inline-block max-w-full overflow-hidden text-ellipsis align-top [translate:-100%_0]">
          {children}
        </span>
      </span>
    </span>
  );
}
