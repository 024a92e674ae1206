/**
 * Ranked horizontal bars drawn in HTML and CSS (no chart library): the rows render on the server
 * with the first page, so the first paint already has them, and no chart code is loaded for them.
 * Each row is one toggle button (label, bar and value): chosen with the mouse or with Tab and
 * Enter/Space. Its accessible name starts with the visible text, then the details in words.
 */
import type { CSSProperties, ReactNode } from 'react';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { EndAlignedText } from '../ui/end-aligned-text';
import { useFocusFollowsRow } from './use-focus-follows-row';
import type { KeysOf } from './keys-of';

export interface HorizontalBarChartProps<T> {
  data: readonly T[];
  /** Field naming each row uniquely. */
  index: KeysOf<T, string>;
  /** The numeric field drawn as bars. */
  categories: readonly [KeysOf<T, number>];
  valueFormatter: (value: number, row: T) => string;
  /** Text beside the bar (cut with an ellipsis when too long; the full text stays in the name). */
  labelFormatter: (row: T) => string;
  /** CSS colour of the row's bar. */
  color: (row: T) => string;
  isSelected?: (row: T) => boolean;
  onSelect?: (row: T) => void;
  /**
   * What a row does instead of toggling its selection, e.g. open the row's detail in a dialog:
   * the row is then a plain button (no `aria-pressed`) that says it opens a dialog.
   */
  onOpen?: (row: T) => void;
  /** Read after the visible label and value, e.g. the exact count and whether it is drawn. */
  describe: (row: T) => string;
  /** Extra line shown on hover (the row's title). */
  tooltipFooter?: (row: T) => ReactNode;
}

/**
 * Rows of a fixed height from the top of its parent's box; on wall-sized screens (`xl`) they
 * share the box's height evenly instead. Fixed, because the page's HTML arrives and is painted in
 * parts: rows sharing the height would be drawn tall while the first ones have arrived and shrink
 * when the rest do, a layout shift of every row (0.13 on a phone) before any script has run. A
 * row whose label, value, bar length,
 * colour and words are unchanged is not re-rendered by an update.
 *
 * Rows are keyed by place, not by tag: when the ranking changes, each place shows its new tag
 * in the same element rather than elements moving up and down, which a live page would
 * otherwise show as layout shifts at every re-ranking. Keyboard focus follows its tag
 * (`useFocusFollowsRow`).
 */
export function HorizontalBarChart<T>(props: HorizontalBarChartProps<T>) {
  const { data, index, categories, valueFormatter } = props;
  const current = useRef(props);
  useLayoutEffect(() => {
    current.current = props;
  });
  const focusFollowsRow = useFocusFollowsRow<HTMLOListElement>();
  // One handler for every row and update: the row names itself, the latest data finds it.
  const activate = useCallback((rowId: string) => {
    const { data: rows, index: field, onOpen, onSelect } = current.current;
    const row = rows.find((candidate) => candidate[field] === rowId);
    if (row !== undefined) (onOpen ?? onSelect)?.(row);
  }, []);
  const values = data.map((row) => row[categories[0]] as number);
  const max = Math.max(1, ...values);
  return (
    <ol
      {...focusFollowsRow}
      // The longest bar's value, once for all rows: a row whose own value did not change is
      // neither rendered nor restyled by React when the longest one grows (its length follows).
      style={{ '--max': max } as CSSProperties}
      className="flex size-full flex-col justify-start gap-0.5 py-1 xl:justify-between"
    >
      {data.map((row, position) => {
        const value = values[position]!;
        const footer = props.tooltipFooter?.(row);
        return (
          <li key={position} className="h-6.5 shrink-0 xl:h-auto xl:min-h-6 xl:flex-1 xl:basis-0">
            <BarRow
              rowId={row[index] as string}
              label={props.labelFormatter(row)}
              valueLabel={valueFormatter(value, row)}
              detail={props.describe(row)}
              title={typeof footer === 'string' ? footer : undefined}
              value={value}
              color={props.color(row)}
              selected={props.isSelected?.(row) ?? false}
              opens={props.onOpen !== undefined}
              onActivate={activate}
            />
          </li>
        );
      })}
    </ol>
  );
}

interface BarRowProps {
  rowId: string;
  label: string;
  valueLabel: string;
  detail: string;
  title: string | undefined;
  /** The bar's value; its length is this over the list's `--max`. */
  value: number;
  color: string;
  selected: boolean;
  /** True: the row opens a dialog rather than toggling. */
  opens: boolean;
  onActivate: (rowId: string) => void;
}

const BarRow = memo(function BarRow(props: BarRowProps) {
  const { selected } = props;
  return (
    <button
      type="button"
      aria-pressed={props.opens ? undefined : selected}
      aria-haspopup={props.opens ? 'dialog' : undefined}
      data-row-id={props.rowId}
      title={props.title}
      onClick={() => props.onActivate(props.rowId)}
      className={`group relative grid size-full cursor-pointer grid-cols-[minmax(0,9.5rem)_minmax(0,1fr)] items-center gap-2 rounded-md text-left text-xs ${ROW_CONTAINED} hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800`}
    >
      {/* Its text changes in place when another tag takes the row; see EndAlignedText. */}
      <EndAlignedText
        className={`pl-1.5 ${selected ? 'font-semibold text-zinc-950 dark:text-white' : 'text-zinc-700 dark:text-zinc-300'}`}
      >
        {selected ? (
          <span
            aria-hidden="true"
            style={{ backgroundColor: props.color }}
            className="mr-1.5 inline-block size-2 rounded-full align-middle"
          />
        ) : null}
        {props.label}
      </EndAlignedText>{' '}
      {/* The value is set here for the bar and its label, one style change where there were
          two, and no higher: each element under it is restyled when it changes. */}
      <span
        style={{ '--value': props.value } as CSSProperties}
        className="relative flex h-full min-w-0 items-center py-0.5 pr-1"
      >
        <span
          aria-hidden="true"
          style={{ backgroundColor: props.color }}
          className={`h-full max-h-6.5 w-[calc(100%-3.5rem)] shrink-0 ${BAR_LENGTH}`}
        />
        <span
          className={`absolute inset-y-0 left-0 flex w-full items-center pl-1.5 text-zinc-500 tabular-nums dark:text-zinc-400 ${VALUE_PLACE}`}
        >
          {props.valueLabel}
        </span>
        <span className="sr-only">: {props.detail}</span>
      </span>
    </button>
  );
});

/**
 * Each row is laid out on its own: a size given by the list (not by its content) and layout and
 * paint contained, so a changed value or bar re-lays out its row only, not the list, the card
 * and the page around it (each batch changes most rows).
 */
const ROW_CONTAINED = '[contain:strict]';

/**
 * The bar's length is drawn, not laid out: a full-length bar scaled to its share from its start
 * (at least 1 %), so a new length costs a repaint. A transform, not a clip: the bar's box then
 * ends where it is seen, and the value beside it is not taken to be on the bar (which contrast
 * checkers would read as grey on the bar's colour).
 */
const BAR_LENGTH = 'origin-left rounded-r [scale:max(var(--value)/var(--max),0.01)_1]';
/**
 * The value is drawn at the bar's end by a translation of a box as wide as the bar's track
 * (a translation's percentages are of the box's own width), not placed there by layout: its box
 * keeps its place, so a new length neither lays out the row nor counts as a layout shift, which
 * every batch would otherwise add up. Its overflow past the row is cut by the row's containment.
 */
const VALUE_PLACE = '[translate:calc(var(--value)/var(--max)*(100%-3.5rem))_0]';
