import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { withCpuProfile } from './cpu-profile';

/**
 * One batch as the engine saw it: its close (`processingDelayMs`, what Spark calls processing
 * time: the per-key work left when the batch runs) and the time its posts' per-post work took
 * as they arrived, before it (`arrivalMs`).
 */
export interface BatchClose {
  closeMs: number;
  arrivalMs: number;
  posts: number;
  /** The garbage collector's pauses inside the close, ms, where the variant knows them. */
  gcMs?: number;
}

/** What one run of a variant reports. */
export interface RunResult {
  elapsedMs: number;
  /** User + system CPU time of the process during the run (GC threads included). */
  cpuMs: number;
  /** Wall time of each batch: its lines' ingestion plus the batch's own processing. */
  batchMs: number[];
  /**
   * Memory retained by the variant's state at the end of the run (after a full GC), MB: the V8
   * heap plus ArrayBuffer backing stores, which `heapUsed` leaves out (typed-array tables).
   */
  heapMb: number;
  /** Per batch, for variants on the engine: its close and its arrival work apart. */
  closes: BatchClose[];
}

/** A variant processes the bench lines in virtual time and keeps its state until `release`. */
export interface Variant {
  name: string;
  /** Untimed preparation before each run (e.g. starting a server). */
  setUp?(): Promise<void>;
  run(): Promise<{ batchMs: number[]; closes?: BatchClose[]; release: () => void }>;
}

setFlagsFromString('--expose-gc');
/** A full garbage collection (V8's `gc`, exposed at load). */
export const collectGarbage = runInNewContext('gc') as () => void;

function heapUsedMb(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

/** One timed run; the heap is measured afterwards, outside the timing. */
export async function measureRun(variant: Variant, profileDir?: string): Promise<RunResult> {
  await variant.setUp?.();
  const baselineMb = heapUsedMb();
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const { batchMs, closes, release } = await (profileDir === undefined
    ? variant.run()
    : withCpuProfile(profileDir, variant.name, () => variant.run()));
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  const heapMb = heapUsedMb() - baselineMb;
  release();
  return {
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    batchMs,
    heapMb,
    closes: closes ?? [],
  };
}
