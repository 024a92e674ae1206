/**
 * The one way integration tests wait for a real server, socket or child process: poll `check`
 * (sync or async) every `pollMs` until it holds. It waits on an observable event, never for a
 * fixed time; `timeoutMs` only turns a hang into a failure that names `what`.
 */
export interface WaitForOptions {
  timeoutMs?: number;
  pollMs?: number;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  options: WaitForOptions = {},
): Promise<void> {
  await waitForValue(async () => ((await check()) ? true : undefined), what, options);
}

/** Like `waitFor`, for a probe that answers `undefined` until it has something: that answer. */
export async function waitForValue<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  { timeoutMs = 30_000, pollMs = 5 }: WaitForOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
