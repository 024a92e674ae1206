/**
 * The text with every digit written as `0`: two texts of the same shape are as wide as each
 * other in tabular figures (`font-variant-numeric: tabular-nums`), so keying an end-aligned
 * text's element by its shape gives it a new element exactly when its width may change.
 * Browsers count a kept text node whose start moves (an end-aligned number growing by a digit)
 * as a layout shift, and a new one as none.
 */
export function tabularShape(text: string): string {
  return text.replace(/[0-9]/g, '0');
}
