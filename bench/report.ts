import type { RunResult } from './measure';
import { median, percentile } from './stats';

export interface VariantSummary {
  variant: string;
  tweetsPerSec: number;
  p50BatchMs: number;
  p99BatchMs: number;
  heapMb: number;
  runs: number;
}

/** Median throughput and heap over the runs; batch percentiles over every run's batches. */
export function summarise(variant: string, lines: number, runs: RunResult[]): VariantSummary {
  const batchMs = runs.flatMap((run) => run.batchMs);
  return {
    variant,
    tweetsPerSec: median(runs.map((run) => lines / (run.elapsedMs / 1000))),
    p50BatchMs: percentile(batchMs, 0.5),
    p99BatchMs: percentile(batchMs, 0.99),
    heapMb: median(runs.map((run) => run.heapMb)),
    runs: runs.length,
  };
}

/** A markdown table of the summaries. */
export function formatTable(summaries: VariantSummary[]): string {
  const rows = summaries.map((summary) => [
    summary.variant,
    Math.round(summary.tweetsPerSec).toLocaleString('en-US'),
    summary.p50BatchMs.toFixed(2),
    summary.p99BatchMs.toFixed(2),
    summary.heapMb.toFixed(1),
  ]);
  const header = ['variant', 'tweets/s', 'p50 batch ms', 'p99 batch ms', 'heap MB'];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
