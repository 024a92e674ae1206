/**
 * Chromium's layout shifts as a page reports them (its `layout-shift` performance entries, what
 * Lighthouse's cumulative layout shift adds up), kept with what moved: `recordLayoutShifts` is
 * given to `page.addInitScript` and fills `window.layoutShifts` from the page's first paint.
 */
export interface RecordedShift {
  value: number;
  /** The elements or texts that moved, as `tag.class "text"`. */
  moved: string[];
}

/** Runs in the page before its scripts: keeps every layout shift with what moved. */
export function recordLayoutShifts() {
  const shifts: RecordedShift[] = [];
  (window as unknown as { layoutShifts: RecordedShift[] }).layoutShifts = shifts;
  const nameOf = (node: Node | null) => {
    const element = node instanceof Element ? node : node?.parentElement;
    if (!element) return 'a removed node';
    const text = (node?.textContent ?? '').trim().slice(0, 30);
    return `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 50)} "${text}"`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null }[];
    }[]) {
      if (entry.hadRecentInput) continue;
      shifts.push({ value: entry.value, moved: entry.sources.map(({ node }) => nameOf(node)) });
    }
  }).observe({ type: 'layout-shift' });
}
