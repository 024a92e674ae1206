/** Figures of a load-test run, from what the clients and the probe recorded. */
import { percentile } from '@/bench/stats';
import type { ClientRecord } from './dashboard-clients';

export interface ProbeSamples {
  healthzMs: number[];
  memory: { rssBytes?: number; heapUsedBytes?: number; cpuSeconds?: number; atMs: number }[];
}

export interface LoadFigures {
  clients: number;
  messages: number;
  lagMs: { p50: number; p99: number; max: number };
  /** Share of clients that got every batch completed while measuring (0-1). */
  everyBatchShare: number;
  batches: number;
  /** Mean JSON bytes of a `batch` message (sampled clients). */
  bytesPerUpdate: number;
  healthzMs: { p50: number; p99: number; max: number };
  rssMb: { start: number; max: number };
  heapUsedMb: { start: number; max: number };
  disconnected: number;
  /** Server CPU time per second of the run, between the first and last memory samples (1 = one core busy). */
  serverCpuShare: number;
}

/**
 * `settledBefore`: batches after this time may still be on their way when the run stops, so
 * "every batch" is judged on the batches up to it.
 */
export function loadFigures(
  records: readonly ClientRecord[],
  probe: ProbeSamples,
  settledBefore: number,
): LoadFigures {
  const lags = records.flatMap((record) => record.lagsMs);
  const batches = new Set<number>();
  for (const record of records) for (const time of record.batchTimes) batches.add(time);
  const expected = [...batches].filter((time) => time <= settledBefore).sort((a, b) => a - b);
  // A client counts from the first expected batch: all connected before measuring began.
  const complete = records.filter((record) =>
    expected.every((time) => record.batchTimes.has(time)),
  );
  const sampled = records.filter((record) => record.bytes > 0);
  const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / 1e5) / 10;
  const rss = probe.memory.map((sample) => sample.rssBytes ?? 0);
  const heap = probe.memory.map((sample) => sample.heapUsedBytes ?? 0);
  return {
    clients: records.length,
    messages: lags.length,
    lagMs: spread(lags),
    everyBatchShare: records.length ? complete.length / records.length : 0,
    batches: expected.length,
    bytesPerUpdate: Math.round(
      sampled.reduce((sum, record) => sum + record.bytes / record.messages, 0) /
        Math.max(1, sampled.length),
    ),
    healthzMs: spread(probe.healthzMs),
    rssMb: { start: mb(rss[0]), max: mb(Math.max(0, ...rss)) },
    heapUsedMb: { start: mb(heap[0]), max: mb(Math.max(0, ...heap)) },
    disconnected: records.filter((record) => record.disconnected).length,
    serverCpuShare: cpuShare(probe.memory),
  };
}

function cpuShare(samples: ProbeSamples['memory']): number {
  const first = samples[0];
  const last = samples.at(-1);
  if (first?.cpuSeconds === undefined || last?.cpuSeconds === undefined || last === first) {
    return Number.NaN;
  }
  const share = (last.cpuSeconds - first.cpuSeconds) / ((last.atMs - first.atMs) / 1000);
  return Math.round(share * 100) / 100;
}

function spread(values: number[]): { p50: number; p99: number; max: number } {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    p50: round(percentile(values, 0.5)),
    p99: round(percentile(values, 0.99)),
    max: values.length ? round(values.reduce((max, value) => Math.max(max, value))) : Number.NaN,
  };
}

export function formatFigures(figures: LoadFigures): string {
  return [
    `clients            ${figures.clients} (${figures.disconnected} disconnected)`,
    `batches            ${figures.batches} measured, ${figures.messages} messages received`,
    `lag (ms)           p50 ${figures.lagMs.p50}  p99 ${figures.lagMs.p99}  max ${figures.lagMs.max}`,
    `every batch        ${(figures.everyBatchShare * 100).toFixed(1)} % of clients`,
    `bytes per update   ${figures.bytesPerUpdate} (JSON of one batch message)`,
    `/healthz (ms)      p50 ${figures.healthzMs.p50}  p99 ${figures.healthzMs.p99}  max ${figures.healthzMs.max}`,
    `server RSS (MB)    ${figures.rssMb.start} at start, ${figures.rssMb.max} max`,
    `server heap (MB)   ${figures.heapUsedMb.start} at start, ${figures.heapUsedMb.max} max`,
    `server CPU         ${figures.serverCpuShare} cores busy on average`,
  ].join('\n');
}
