import type { BenchInput } from './bench-input';
import type { BenchOptions } from './bench-options';
import type { RunResult } from './measure';
import { median, percentile } from './stats';

export interface VariantSummary {
  variant: string;
  /** Lines per second of wall time (median run). */
  tweetsPerSec: number;
  /** Lines per second of this process's CPU time (median run): steadier on a shared machine. */
  tweetsPerCpuSec: number;
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
    tweetsPerCpuSec: median(runs.map((run) => lines / (run.cpuMs / 1000))),
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
    Math.round(summary.tweetsPerCpuSec).toLocaleString('en-US'),
    summary.p50BatchMs.toFixed(2),
    summary.p99BatchMs.toFixed(2),
    summary.heapMb.toFixed(1),
  ]);
  const header = ['variant', 'tweets/s', 'tweets/CPU-s', 'p50 batch ms', 'p99 batch ms', 'heap MB'];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export type BenchReport = ReturnType<typeof buildReport>;

/** Everything `--json` prints: the setting, each variant's figures, the ratios and targets. */
export function buildReport(
  input: BenchInput,
  options: BenchOptions,
  summaries: VariantSummary[],
  job: { batchIntervalMs: number; windowsMs: number[] },
) {
  const [floor, trends, rx15, rxAll] = summaries as [
    VariantSummary,
    VariantSummary,
    VariantSummary,
    VariantSummary | undefined,
  ];
  const ratio = (of: (summary: VariantSummary) => number, over: VariantSummary) =>
    of(trends) / of(over);
  const wall = (summary: VariantSummary) => summary.tweetsPerSec;
  const cpu = (summary: VariantSummary) => summary.tweetsPerCpuSec;
  return {
    lines: input.lines.length,
    averageLineBytes: Math.round(input.bytes / input.lines.length),
    virtualSeconds: Math.round((input.endMs - input.startMs) / 1000),
    ordinaryPostsPerSec: options.rate,
    runs: options.runs,
    ...job,
    node: process.version,
    variants: summaries,
    ratios: {
      jobOverFloor: ratio(wall, floor),
      jobOverFloorCpu: ratio(cpu, floor),
      jobOverRxjs15m: ratio(wall, rx15),
      jobOverRxjs15mCpu: ratio(cpu, rx15),
      ...(rxAll
        ? { jobOverRxjsAll: ratio(wall, rxAll), jobOverRxjsAllCpu: ratio(cpu, rxAll) }
        : {}),
    },
    targets: { jobTweetsPerSec: 143_000, jobOverFloor: 0.6, jobOverRxjs15m: 10 },
  };
}

/** The human-readable report: setting, table, ratios against their targets. */
export function formatReport(report: BenchReport): string {
  const { ratios } = report;
  const pair = (wall: number, cpu: number, digits: number) =>
    `${wall.toFixed(digits)} (CPU time: ${cpu.toFixed(digits)})`;
  const job = report.variants[1]!;
  return [
    `${report.lines} lines (${report.averageLineBytes} B avg), ${report.virtualSeconds} s of virtual ` +
      `time at ${report.ordinaryPostsPerSec} posts/s plus bursts; ${report.runs} runs each, Node ${report.node}`,
    '',
    formatTable(report.variants),
    '',
    `(b)/(a) = ${pair(ratios.jobOverFloor, ratios.jobOverFloorCpu, 2)}, target ≥ 0.6`,
    `(b)/(c) at 15 m = ${pair(ratios.jobOverRxjs15m, ratios.jobOverRxjs15mCpu, 1)}, target ≥ 10`,
    ...(ratios.jobOverRxjsAll !== undefined
      ? [`(b)/(c) all windows = ${pair(ratios.jobOverRxjsAll, ratios.jobOverRxjsAllCpu!, 1)}`]
      : []),
    `(b) = ${Math.round(job.tweetsPerSec).toLocaleString('en-US')} tweets/s, target ≥ 143,000`,
    '',
  ].join('\n');
}
