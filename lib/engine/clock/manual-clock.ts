import type { Clock, ScheduledTask } from '../types';

interface PendingTask {
  atMs: number;
  order: number;
  task: () => void | Promise<void>;
  cancelled: boolean;
}

/**
 * Virtual time for tests and replays: time moves only through `advance`/`advanceTo`, which run
 * every task that falls due, in time order (ties in scheduling order), awaiting each, with
 * `now()` equal to the task's time while it runs. Tasks scheduled by a running task and due
 * within the same advance run too. Concurrent advances run one after the other.
 */
export class ManualClock implements Clock {
  private currentMs: number;
  private pending: PendingTask[] = [];
  private scheduledCount = 0;
  private advancing: Promise<void> = Promise.resolve();

  constructor(startMs = 0) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  schedule(atMs: number, task: () => void | Promise<void>): ScheduledTask {
    const pending: PendingTask = { atMs, order: this.scheduledCount++, task, cancelled: false };
    this.pending.push(pending);
    return {
      cancel: () => {
        pending.cancelled = true;
      },
    };
  }

  advance(ms: number): Promise<void> {
    if (!(ms >= 0))
      return Promise.reject(new Error(`ManualClock.advance: ms must be ≥ 0, got ${ms}`));
    return this.enqueue(() => this.runUntil(this.currentMs + ms));
  }

  advanceTo(timeMs: number): Promise<void> {
    return this.enqueue(() => this.runUntil(Math.max(this.currentMs, timeMs)));
  }

  /** Tasks not yet run nor cancelled. */
  get pendingCount(): number {
    return this.pending.filter((pending) => !pending.cancelled).length;
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.advancing.then(run);
    this.advancing = next.catch(() => undefined);
    return next;
  }

  private async runUntil(targetMs: number): Promise<void> {
    for (let due = this.takeNextDue(targetMs); due; due = this.takeNextDue(targetMs)) {
      this.currentMs = Math.max(this.currentMs, due.atMs);
      await due.task();
    }
    this.currentMs = targetMs;
  }

  private takeNextDue(targetMs: number): PendingTask | undefined {
    this.pending = this.pending.filter((pending) => !pending.cancelled);
    let next: PendingTask | undefined;
    for (const pending of this.pending) {
      if (pending.atMs > targetMs) continue;
      if (
        !next ||
        pending.atMs < next.atMs ||
        (pending.atMs === next.atMs && pending.order < next.order)
      ) {
        next = pending;
      }
    }
    if (next) this.pending.splice(this.pending.indexOf(next), 1);
    return next;
  }
}
