/**
 * The medians of several Lighthouse runs of one page and preset, and the table printed for them.
 * A median of 3 runs is Lighthouse's own advice against run-to-run variance. Pure.
 */
import type { AuditFigures, Preset } from './audit-page';

export interface PageResult {
  path: string;
  preset: Preset;
  runs: AuditFigures[];
}

export type NumericFigure = Exclude<keyof AuditFigures, 'failedAudits'>;

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medianOf(runs: readonly AuditFigures[], figure: NumericFigure): number {
  return median(runs.map((run) => run[figure]));
}

const KIB = 1024;

/** One line per page and preset: median scores, LCP, TBT, CLS and script sizes. */
export function formatReport(results: readonly PageResult[]): string {
  const header = [
    'page',
    'preset',
    'runs',
    'perf',
    'a11y',
    'best',
    'seo',
    'FCP s',
    'LCP s',
    'TBT ms',
    'CLS',
    'first-load JS KiB',
    'all JS KiB',
    'unused JS KiB',
  ];
  const rows = results.map(({ path, preset, runs }) => {
    const at = (figure: NumericFigure) => medianOf(runs, figure);
    return [
      path,
      preset,
      String(runs.length),
      String(at('performance')),
      String(at('accessibility')),
      String(at('bestPractices')),
      String(at('seo')),
      (at('fcpMs') / 1000).toFixed(2),
      (at('lcpMs') / 1000).toFixed(2),
      at('tbtMs').toFixed(0),
      at('cls').toFixed(3),
      (at('firstLoadJsBytes') / KIB).toFixed(1),
      (at('allJsBytes') / KIB).toFixed(1),
      (at('unusedJsBytes') / KIB).toFixed(1),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const failed = results.flatMap(({ path, preset, runs }) => {
    const ids = [...new Set(runs.flatMap((run) => run.failedAudits))];
    return ids.length ? [`${path} ${preset}: below 90 in some run: ${ids.join(', ')}`] : [];
  });
  return [line(header), ...rows.map(line), ...failed].join('\n');
}
