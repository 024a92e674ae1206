/**
 * `npx tsx scripts/lighthouse/read-trace.ts FILE [--over-ms 12.5]`: the long tasks of a saved
 * trace (`npm run lighthouse -- --traces DIR`, or `trace-page.ts --save`), as `trace-page.ts`
 * prints them. Lighthouse records its load without slowdown and its phone preset multiplies
 * each task by 4: there, a task over 12.5 ms is one that counts toward the total blocking time.
 */
import { readFileSync } from 'node:fs';
import { formatLongTasks, longTasksOf } from './trace-long-tasks';
import type { TraceEvent } from './trace-long-tasks';

const USAGE = 'Usage: npx tsx scripts/lighthouse/read-trace.ts FILE [--over-ms N]';

function parseArgs(args: readonly string[]): { file: string; overMs: number } {
  const [file, flag, value] = args;
  if (!file || file.startsWith('--')) throw new Error(USAGE);
  if (flag === undefined) return { file, overMs: 50 };
  const overMs = Number(value);
  if (flag !== '--over-ms' || !(overMs > 0) || args.length > 3) throw new Error(USAGE);
  return { file, overMs };
}

function main(): void {
  const { file, overMs } = parseArgs(process.argv.slice(2));
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  if (!Array.isArray(events)) throw new Error(`${file}: no trace events (traceEvents) in it`);
  const tasks = longTasksOf(events, overMs);
  const total = tasks.reduce((sum, task) => sum + task.durationMs, 0);
  process.stdout.write(
    `${file}: ${tasks.length} tasks over ${overMs} ms, ${Math.round(total)} ms in all\n`,
  );
  for (const line of formatLongTasks(tasks)) process.stdout.write(`${line}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
