import type { Logger } from 'pino';
import type { Worker } from 'node:worker_threads';
import type { CountedLine } from '@/lib/trends/parsing/parse-timed-line';
import { packChunk } from '../sources/fixture/line-chunker';
import { parseChunk, parseChunkParts } from '../sources/fixture/parse-chunk';
import type { ChunkParser } from './chunk-parser';
import type { ParseReply, ParseRequest } from './parse-messages';
import { startTsWorker } from './start-ts-worker';
import { decodeTimedLines } from './timed-lines-codec';

const WORKER_MODULE = new URL('./parse-worker.ts', import.meta.url);
/** A chunk whose worker died this many times is parsed on this thread instead. */
const MAX_ATTEMPTS = 3;
/** Restarts in a row without a single answer before the pool gives up on threads. */
const MAX_FRUITLESS_RESTARTS = 3;

interface Job {
  id: number;
  /** The chunk's pieces, kept (not copied) until answered: a worker that dies loses only its
   * own packed copy, and the chunk is sent again. */
  parts: Uint8Array[];
  attempts: number;
  resolve: (lines: CountedLine[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * `size` worker threads that parse chunks of whole lines (each chunk packed into a buffer of its
 * own and transferred, not copied) and send back encoded `TimedLine`s. Chunks go round-robin;
 * each answer is matched to its chunk, so callers see results in the order they asked.
 *
 * A worker that dies is replaced and its chunks sent again; a chunk that kills workers
 * `MAX_ATTEMPTS` times, or any chunk once workers fail to start, is parsed on this thread: no
 * chunk is lost and a bad line is still counted.
 */
export class ParsePool implements ChunkParser {
  readonly concurrency: number;
  private readonly slots: Slot[] = [];
  private nextJobId = 0;
  private nextSlot = 0;
  private fruitlessRestarts = 0;
  private closed = false;
  private readonly counts = { chunksOnWorkers: 0, chunksHere: 0, restarts: 0 };

  constructor(
    size: number,
    private readonly maxLineBytes: number,
    private readonly logger?: Logger,
  ) {
    if (size < 1) throw new RangeError(`a parse pool needs at least one worker, got ${size}`);
    for (let index = 0; index < size; index++) this.slots.push(this.startSlot());
    this.concurrency = size * 2 + 1;
  }

  /** The running worker threads (replaced ones drop out). */
  get workers(): readonly Worker[] {
    return this.slots.map((slot) => slot.worker);
  }

  /** Chunks parsed by workers and on this thread (fallback), and workers replaced so far. */
  get stats(): Readonly<{ chunksOnWorkers: number; chunksHere: number; restarts: number }> {
    return { ...this.counts };
  }

  parse(parts: Uint8Array[]): Promise<CountedLine[]> {
    if (this.closed) return Promise.reject(new Error('the parse pool is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextJobId++, parts, attempts: 0, resolve, reject };
      this.dispatch(job, this.slots[this.nextSlot]!);
      this.nextSlot = (this.nextSlot + 1) % this.slots.length;
    });
  }

  parseHere(parts: Uint8Array[]): CountedLine[] {
    return parseChunkParts(parts, this.maxLineBytes);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('the parse pool is closed');
    await Promise.all(
      this.slots.map(async (slot) => {
        for (const job of slot.jobs.values()) job.reject(error);
        slot.jobs.clear();
        await slot.worker.terminate();
      }),
    );
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: startTsWorker(WORKER_MODULE), jobs: new Map() };
    slot.worker.on('message', (reply: ParseReply) => this.answer(slot, reply));
    slot.worker.on('error', (error) => this.logger?.error({ err: error }, 'parse worker failed'));
    slot.worker.on('exit', (code) => this.replace(slot, code));
    return slot;
  }

  private dispatch(job: Job, slot: Slot): void {
    job.attempts++;
    if (job.attempts > MAX_ATTEMPTS || this.fruitlessRestarts > MAX_FRUITLESS_RESTARTS) {
      this.counts.chunksHere++;
      job.resolve(parseChunk(packChunk(job.parts), this.maxLineBytes));
      return;
    }
    slot.jobs.set(job.id, job);
    const bytes = packChunk(job.parts);
    const request: ParseRequest = { jobId: job.id, bytes, maxLineBytes: this.maxLineBytes };
    slot.worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
  }

  private answer(slot: Slot, reply: ParseReply): void {
    const job = slot.jobs.get(reply.jobId);
    if (job === undefined) return;
    slot.jobs.delete(reply.jobId);
    this.fruitlessRestarts = 0;
    this.counts.chunksOnWorkers++;
    job.resolve(decodeTimedLines(reply.encoded));
  }

  /** A worker exited (it never does on its own): start another and resend its chunks in order. */
  private replace(dead: Slot, code: number): void {
    if (this.closed) return;
    const index = this.slots.indexOf(dead);
    if (index === -1) return;
    const jobs = [...dead.jobs.values()];
    dead.jobs.clear();
    this.fruitlessRestarts++;
    if (this.fruitlessRestarts > MAX_FRUITLESS_RESTARTS) {
      // Workers cannot start here: this thread parses from now on (see `dispatch`).
      this.logger?.error({ code }, 'parse workers keep failing; parsing on the main thread');
    } else {
      this.logger?.warn({ code, chunks: jobs.length }, 'parse worker exited; restarting it');
      this.counts.restarts++;
      this.slots[index] = this.startSlot();
    }
    for (const job of jobs) this.dispatch(job, this.slots[index]!);
  }
}
