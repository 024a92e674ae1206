import type { BenchInput } from './bench-input';
import type { BenchOptions } from './bench-options';
import type { BatchClose, RunResult } from './measure';
import type { ResponsivenessSample } from './responsiveness-probe';
import { median, percentile } from './stats';

/** Which variant a summary is: the ratios are taken between these. */
export type VariantKey =
  | 'floor'
  | 'job'
  | 'jobUnfiltered'
  | 'jobFiltered'
  | 'jobFiltered4'
  | 'rx15'
  | 'rxAll'
  | 'server'
  | 'serverWorkers';

export interface VariantSummary {
  key: VariantKey;
  variant: string;
  /** Lines per second of wall time (median run). */
  tweetsPerSec: number;
  /** Lines per second of this process's CPU time (median run): steadier on a shared machine. */
  tweetsPerCpuSec: number;
  p50BatchMs: number;
  p99BatchMs: number;
  heapMb: number;
  runs: number;
  /** For variants on the engine: each batch's close and its posts' arrival work, apart. */
  arrival?: ArrivalSummary;
}

/**
 * A batch's time read in two parts: its close (the engine's `processingDelayMs`: the per-key
 * work left when the batch runs, what Spark calls processing time) and the per-post work done as
 * its posts arrived, before it ran (parsing not included).
 */
export interface ArrivalSummary {
  p50CloseMs: number;
  p99CloseMs: number;
  p99ArrivalMsPerBatch: number;
  /** Arrival work per post, µs: all batches' arrival time over all their posts. */
  arrivalUsPerPost: number;
  batches: number;
  /**
   * Where the variant knows them: the garbage collector's pauses inside the closes, as a share of
   * the closes' time, and inside the slowest close, ms.
   */
  closeGcShare?: number;
  slowestCloseGcMs?: number;
}

function summariseArrival(runs: RunResult[]): ArrivalSummary | undefined {
  const closes = runs.flatMap((run) => run.closes);
  if (closes.length === 0) return undefined;
  const arrivalMs = closes.reduce((sum, close) => sum + close.arrivalMs, 0);
  const posts = closes.reduce((sum, close) => sum + close.posts, 0);
  return {
    p50CloseMs: percentile(
      closes.map((close) => close.closeMs),
      0.5,
    ),
    p99CloseMs: percentile(
      closes.map((close) => close.closeMs),
      0.99,
    ),
    p99ArrivalMsPerBatch: percentile(
      closes.map((close) => close.arrivalMs),
      0.99,
    ),
    arrivalUsPerPost: posts === 0 ? 0 : (arrivalMs * 1000) / posts,
    batches: closes.length,
    ...closeGcFigures(closes),
  };
}

function closeGcFigures(
  closes: BatchClose[],
): Pick<ArrivalSummary, 'closeGcShare' | 'slowestCloseGcMs'> {
  if (closes.some((close) => close.gcMs === undefined)) return {};
  const closeMs = closes.reduce((sum, close) => sum + close.closeMs, 0);
  const gcMs = closes.reduce((sum, close) => sum + close.gcMs!, 0);
  const slowest = closes.reduce((worst, close) => (close.closeMs > worst.closeMs ? close : worst));
  return { closeGcShare: closeMs === 0 ? 0 : gcMs / closeMs, slowestCloseGcMs: slowest.gcMs! };
}

/** Median throughput and heap over the runs; batch percentiles over every run's batches. */
export function summarise(
  key: VariantKey,
  variant: string,
  lines: number,
  runs: RunResult[],
): VariantSummary {
  const batchMs = runs.flatMap((run) => run.batchMs);
  return {
    key,
    variant,
    tweetsPerSec: median(runs.map((run) => lines / (run.elapsedMs / 1000))),
    tweetsPerCpuSec: median(runs.map((run) => lines / (run.cpuMs / 1000))),
    p50BatchMs: percentile(batchMs, 0.5),
    p99BatchMs: percentile(batchMs, 0.99),
    heapMb: median(runs.map((run) => run.heapMb)),
    runs: runs.length,
    arrival: summariseArrival(runs),
  };
}

/** The batch's close and the arrival work apart, for the variants on the engine. */
export function formatArrivalTable(summaries: VariantSummary[]): string {
  const rows = summaries.flatMap((summary) => {
    const arrival = summary.arrival;
    if (arrival === undefined) return [];
    return [
      [
        summary.variant,
        arrival.p50CloseMs.toFixed(2),
        arrival.p99CloseMs.toFixed(2),
        arrival.p99ArrivalMsPerBatch.toFixed(2),
        arrival.arrivalUsPerPost.toFixed(2),
        String(arrival.batches),
        arrival.closeGcShare === undefined
          ? '–'
          : `${(arrival.closeGcShare * 100).toFixed(0)} %, ${arrival.slowestCloseGcMs!.toFixed(1)}`,
      ],
    ];
  });
  if (rows.length === 0) return '';
  const header = [
    'variant',
    'p50 close ms',
    'p99 close ms',
    'p99 arrival ms/batch',
    'arrival µs/post',
    'batches',
    'GC in closes, ms in the slowest',
  ];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
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

/** What the dashboard's client saw during the server-path runs, over all of them. */
function summariseResponsiveness(samples: ResponsivenessSample[]) {
  const apiMs = samples.flatMap((sample) => sample.apiMs);
  const gapsMs = samples.flatMap((sample) => sample.socketGapsMs);
  return {
    apiRequests: apiMs.length,
    apiP50Ms: percentile(apiMs, 0.5),
    apiP99Ms: percentile(apiMs, 0.99),
    socketUpdates: gapsMs.length + samples.length,
    socketGapP50Ms: percentile(gapsMs, 0.5),
    socketGapP99Ms: percentile(gapsMs, 0.99),
  };
}

export type BenchReport = ReturnType<typeof buildReport>;

/** Everything `--json` prints: the setting, each variant's figures, the ratios and targets. */
export function buildReport(
  input: BenchInput,
  options: BenchOptions,
  summaries: VariantSummary[],
  job: { batchIntervalMs: number; windowsMs: number[]; parseWorkers: number },
  samples: ResponsivenessSample[],
) {
  const byKey = new Map(summaries.map((summary) => [summary.key, summary]));
  /** `of` over `under`, on wall and on CPU time; undefined when either did not run. */
  const ratio = (of: VariantKey, under: VariantKey) => {
    const top = byKey.get(of);
    const bottom = byKey.get(under);
    if (top === undefined || bottom === undefined) return undefined;
    return {
      wall: top.tweetsPerSec / bottom.tweetsPerSec,
      cpu: top.tweetsPerCpuSec / bottom.tweetsPerCpuSec,
    };
  };
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
      jobOverFloor: ratio('job', 'floor'),
      filtersCost: ratio('job', 'jobUnfiltered'),
      filterInUseCost: ratio('jobFiltered', 'jobUnfiltered'),
      fourFiltersInUseCost: ratio('jobFiltered4', 'jobUnfiltered'),
      jobOverRxjs15m: ratio('job', 'rx15'),
      jobOverRxjsAll: ratio('job', 'rxAll'),
      serverOverJob: ratio('server', 'job'),
      serverOverFloor: ratio('server', 'floor'),
      workersOverServer: ratio('serverWorkers', 'server'),
      workersOverJob: ratio('serverWorkers', 'job'),
    },
    responsiveness: samples.length > 0 ? summariseResponsiveness(samples) : undefined,
    targets: {
      jobOverFloor: 0.6,
      filtersCost: 0.75,
      filterInUseCost: 0.75,
      jobOverRxjs15m: 10,
      serverOverJob: 0.9,
      serverTweetsPerSec: 143_000,
      workersOverServer: 1.5,
      apiP99Ms: 50,
    },
  };
}

type Ratio = { wall: number; cpu: number } | undefined;

/** The human-readable report: setting, table, ratios against their targets. */
export function formatReport(report: BenchReport): string {
  const { ratios, targets } = report;
  const line = (label: string, value: Ratio, target: string, digits = 2): string[] =>
    value === undefined
      ? []
      : [
          `${label} = ${value.wall.toFixed(digits)} (CPU time: ${value.cpu.toFixed(digits)}), ` +
            `target ${target}`,
        ];
  const fastest = report.variants
    .filter((summary) => summary.key === 'server' || summary.key === 'serverWorkers')
    .map((summary) => summary.tweetsPerSec);
  const responsiveness = report.responsiveness;
  return [
    `${report.lines} lines (${report.averageLineBytes} B avg), ${report.virtualSeconds} s of virtual ` +
      `time at ${report.ordinaryPostsPerSec} posts/s plus bursts; ${report.runs} runs each, ` +
      `Node ${report.node}`,
    '',
    formatTable(report.variants),
    '',
    ...(report.variants.some((summary) => summary.arrival !== undefined)
      ? [
          'Batch close (processing time) and per-post arrival work (parsing excluded), apart:',
          '',
          formatArrivalTable(report.variants),
          '',
        ]
      : []),
    ...line('(b)/(a)', ratios.jobOverFloor, `≥ ${targets.jobOverFloor}`),
    ...line('(b)/(b0) filter dimensions', ratios.filtersCost, `≥ ${targets.filtersCost}`),
    ...line('(bf1)/(b0) one filter in use', ratios.filterInUseCost, `≥ ${targets.filterInUseCost}`),
    ...line('(bf4)/(b0) four filters in use', ratios.fourFiltersInUseCost, '-'),
    ...line('(b)/(c) at 15 m', ratios.jobOverRxjs15m, `≥ ${targets.jobOverRxjs15m}`, 1),
    ...line('(b)/(c) all windows', ratios.jobOverRxjsAll, '-', 1),
    ...line('(d)/(b)', ratios.serverOverJob, `≥ ${targets.serverOverJob}`),
    ...line('(e)/(d)', ratios.workersOverServer, `≥ ${targets.workersOverServer}`),
    ...line('(e)/(b)', ratios.workersOverJob, '-'),
    ...(fastest.length > 0
      ? [
          `server path: ${Math.round(Math.max(...fastest)).toLocaleString('en-US')} tweets/s at ` +
            `best, target ≥ ${targets.serverTweetsPerSec.toLocaleString('en-US')}`,
        ]
      : []),
    ...(responsiveness
      ? [
          `during the server runs: GET /api/trends p50 ${responsiveness.apiP50Ms.toFixed(1)} ms, ` +
            `p99 ${responsiveness.apiP99Ms.toFixed(1)} ms (target ≤ ${targets.apiP99Ms}) over ` +
            `${responsiveness.apiRequests} requests; socket updates every ` +
            `${responsiveness.socketGapP50Ms.toFixed(0)} ms (p50), ` +
            `${responsiveness.socketGapP99Ms.toFixed(0)} ms (p99)`,
        ]
      : []),
    '',
  ].join('\n');
}
