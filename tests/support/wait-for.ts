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
  { timeoutMs = 30_000, pollMs = 5 }: WaitForOptions = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
