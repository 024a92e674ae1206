/** A wait that `cancel()` ends early (so `stop()` never waits out a backoff). */
export interface CancellableSleep {
  readonly done: Promise<void>;
  cancel(): void;
}

export function cancellableSleep(delayMs: number): CancellableSleep {
  let timer: NodeJS.Timeout | undefined;
  let wake!: () => void;
  const done = new Promise<void>((resolve) => {
    wake = resolve;
    timer = setTimeout(resolve, Math.max(0, delayMs));
  });
  return {
    done,
    cancel() {
      clearTimeout(timer);
      wake();
    },
  };
}
