/**
 * The real entry point (`server/main.ts`, no Next, bundled: `server-bundle.ts`) as a child
 * process on a free port, for tests of several instances: its URL once listening, its output for diagnostics, kill -9 and SIGTERM.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverBundle } from './server-bundle';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** `http://127.0.0.1:<port>` once listening. */
  readonly url: string;
  output(): string;
  /** SIGKILL (like a crash): no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM: the orderly shutdown; resolves the exit code. */
  terminate(): Promise<number | null>;
}

export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const bundle = await serverBundle(ROOT, 'server-main', [
    'tests/support/exit-with-parent.ts',
    'server/main.ts',
  ]);
  const child = spawn(process.execPath, [bundle, '--no-next'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening: ${output}`)), timeoutMs);
    child.stdout.on('data', () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited early: ${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async terminate() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
