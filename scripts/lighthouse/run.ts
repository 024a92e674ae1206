/**
 * `npm run lighthouse`: Lighthouse 12's mobile and desktop presets on the production build,
 * replaying the bundled fixture, 3 runs of each page, medians printed. Not part of `npm test`.
 *
 *   npm run lighthouse -- [--runs N] [--path /?window=15m]… [--preset mobile|desktop]
 *                         [--json results.json] [--reports DIR] [--traces DIR] [--no-build]
 *                         [--floor] [--against DIR]
 *
 * Builds first when the build is older than the sources. The machine's load average is printed
 * with the results: scores on a loaded machine are lower, and say so. `--reports DIR` keeps each
 * run's whole Lighthouse report (its `long-tasks`, `bootup-time` and `mainthread-work-breakdown`
 * audits say where the blocking time goes); `--traces DIR` each run's trace of the load, which
 * `scripts/lighthouse/read-trace.ts` lists task by task. `--floor` also measures a bare page of
 * the same framework (`bare-next-page.ts`), its runs interleaved with the dashboard's, so that
 * the dashboard's scores can be read against what the framework alone gets in the same run.
 * `--against DIR` also measures the same pages served by another checkout's build (a worktree of
 * the commit before a change, with its own `node_modules` and `.next`), its runs interleaved with
 * this one's in the same way: a change measured against the build before it in one set, where
 * sets taken an hour apart differ by more than most changes.
 *
 * Runs are taken preset by preset, one run of every page in turn, so that the machine's drift
 * hits every page alike.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ensureNextBuild } from '../../tests/browser/next-build';
import { auditPage, scriptPaths } from './audit-page';
import type { Preset } from './audit-page';
import { startBareNextPage } from './bare-next-page';
import { formatReport } from './median-report';
import type { PageResult } from './median-report';
import { startProductionServer } from './production-server';

interface LighthouseOptions {
  runs: number;
  paths: string[];
  presets: Preset[];
  jsonPath: string | undefined;
  reportsDir: string | undefined;
  tracesDir: string | undefined;
  build: boolean;
  floor: boolean;
  /** Another checkout whose build is measured run by run with this one's. */
  againstDir: string | undefined;
}

const USAGE =
  'Usage: npm run lighthouse -- [--runs 1-9] [--path /page]… [--preset mobile|desktop] ' +
  '[--json FILE] [--reports DIR] [--traces DIR] [--no-build] [--floor] [--against DIR]';

function parseOptions(args: readonly string[]): LighthouseOptions {
  const options: LighthouseOptions = {
    runs: 3,
    paths: [],
    presets: [],
    jsonPath: undefined,
    reportsDir: undefined,
    tracesDir: undefined,
    build: true,
    floor: false,
    againstDir: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    const takesValue = flag !== '--no-build' && flag !== '--floor';
    if (flag === '--no-build') options.build = false;
    else if (flag === '--floor') options.floor = true;
    else if (flag === '--runs' && /^[1-9]$/.test(value ?? '')) options.runs = Number(value);
    else if (flag === '--path' && value?.startsWith('/')) options.paths.push(value);
    else if (flag === '--preset' && (value === 'mobile' || value === 'desktop')) {
      options.presets.push(value);
    } else if (flag === '--json' && value) options.jsonPath = value;
    else if (flag === '--reports' && value) options.reportsDir = value;
    else if (flag === '--traces' && value) options.tracesDir = value;
    else if (flag === '--against' && value) options.againstDir = resolve(value);
    else
      throw new Error(`${flag}${value === undefined ? '' : ` ${value}`}: not understood\n${USAGE}`);
    if (takesValue) i++;
  }
  if (!options.paths.length) options.paths.push('/');
  if (!options.presets.length) options.presets.push('mobile', 'desktop');
  return options;
}

/** A file-name-safe form of a page path: `/?tag=worldcup` → `tag-worldcup`, `/` → `root`. */
function reportName(path: string): string {
  return path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root';
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** A page to audit: its row's name, its address and the scripts its HTML names. */
interface AuditedPage {
  path: string;
  url: string;
  /** File-name-safe, for the reports and traces. */
  name: string;
  scripts: Set<string>;
}

async function htmlScriptsOf(url: string): Promise<Set<string>> {
  return scriptPaths(await (await fetch(url)).text(), url);
}

/**
 * `auditPage`, taken once more when Lighthouse fails the run itself (it sometimes records no
 * navigation start, and asks to run it again): one failed load does not lose the set.
 */
async function auditOnceMore(...args: Parameters<typeof auditPage>) {
  try {
    return await auditPage(...args);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${args[0]} ${args[1]}: ${reason}; running it once more\n`);
    return auditPage(...args);
  }
}

type Server = Awaited<ReturnType<typeof startProductionServer>>;

/**
 * This checkout's server and, with `--against`, the other's, started together so that both
 * replays are at the same point when a run loads either; if one fails, the other is stopped.
 */
async function startServers(againstDir: string | undefined): Promise<[Server, Server?]> {
  const started = await Promise.allSettled([
    startProductionServer(),
    againstDir ? startProductionServer(againstDir) : Promise.resolve(undefined),
  ]);
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    for (const outcome of started) {
      if (outcome.status === 'fulfilled') await outcome.value?.stop();
    }
    throw failure.reason;
  }
  const [own, other] = started as PromiseFulfilledResult<Server | undefined>[];
  return [own!.value!, other?.value];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const dir of [options.reportsDir, options.tracesDir]) {
    if (dir) mkdirSync(dir, { recursive: true });
  }
  if (options.build) await ensureNextBuild(process.cwd());
  if (options.build && options.againstDir) await ensureNextBuild(options.againstDir);
  const [server, against] = await startServers(options.againstDir);
  let floor: Awaited<ReturnType<typeof startBareNextPage>> | undefined;
  const results: PageResult[] = [];
  let loadBefore = load();
  try {
    if (options.floor) {
      floor = await startBareNextPage();
      loadBefore = load(); // after the bare page's build: the machine as the runs find it
    }
    const pages: AuditedPage[] = [];
    for (const path of options.paths) {
      const url = new URL(path, server.url).href;
      pages.push({ path, url, name: reportName(path), scripts: await htmlScriptsOf(url) });
    }
    if (against && options.againstDir) {
      const label = basename(options.againstDir);
      for (const path of options.paths) {
        const url = new URL(path, against.url).href;
        const name = `${reportName(path)}-${reportName(label)}`;
        pages.push({ path: `${path} @ ${label}`, url, name, scripts: await htmlScriptsOf(url) });
      }
    }
    if (floor) {
      const scripts = await htmlScriptsOf(floor.url);
      pages.push({ path: 'bare Next page', url: floor.url, name: 'bare-next-page', scripts });
    }
    for (const preset of options.presets) {
      const presetResults = pages.map(({ path }): PageResult => ({ path, preset, runs: [] }));
      for (let run = 0; run < options.runs; run++) {
        for (const [at, page] of pages.entries()) {
          const name = `${page.name}-${preset}-${run + 1}`;
          const writer = (dir: string | undefined, suffix: string) =>
            dir ? (json: string) => writeFileSync(join(dir, `${name}${suffix}`), json) : undefined;
          const outputs = {
            saveReport: writer(options.reportsDir, '.json'),
            saveTrace: writer(options.tracesDir, '.trace.json'),
          };
          presetResults[at]!.runs.push(
            await auditOnceMore(page.url, preset, page.scripts, outputs),
          );
          process.stderr.write(`${page.path} ${preset} run ${run + 1}/${options.runs} done\n`);
        }
      }
      results.push(...presetResults);
    }
  } finally {
    await floor?.stop();
    await against?.stop();
    await server.stop();
  }
  process.stdout.write(`${formatReport(results)}\n`);
  process.stdout.write(
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}; ${cpus().length} CPUs\n`,
  );
  if (options.jsonPath) writeFileSync(options.jsonPath, `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
