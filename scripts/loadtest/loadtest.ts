/**
 * `npm run loadtest -- [options]`: N dashboard clients on one or more Tagstream servers, on this
 * machine only. Without `--url` it starts the mock X API (a steady stream with a Zipf tail of
 * hashtags) and the real server reading it; with `--url` (repeatable) it spreads the clients over
 * running instances. Reports per-update lag (receive time − `batchTime`), the share of clients
 * that got every batch, `/healthz` latency and the server's memory. See docs/load.md.
 */
import { Worker } from 'node:worker_threads';
import { connectDashboards } from './dashboard-clients';
import { formatFigures, loadFigures } from './load-report';
import type { ProbeSamples } from './load-report';
import { LOADTEST_USAGE, LoadTestOptionError, parseLoadTestOptions } from './options';
import type { LoadTestOptions } from './options';
import { startServerUnderTest } from './server-under-test';
import type { ServerUnderTest } from './server-under-test';

/**
 * What client `index` watches: three of the most common tags, as a dashboard's chart starts
 * with, and for every other client also a tag from the tail (its own series message).
 */
function watchedOf(index: number): string[] {
  const common = ['tag0', 'tag1', 'tag2'];
  return index % 2 === 0 ? common : [...common, `tag${(100 + index).toString(36)}`];
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(options: LoadTestOptions): Promise<void> {
  let server: ServerUnderTest | undefined;
  const urls = options.urls.length ? options.urls : [];
  if (!urls.length) {
    server = await startServerUnderTest({
      postsPerSecond: options.postsPerSecond,
      tags: options.tags,
      runSec: options.warmupSec + options.durationSec + 60,
      profileDir: options.profileDir,
      instances: options.instances,
    });
    urls.push(...server.urls);
    log(`servers on ${server.urls.join(', ')}, mock X API at ${options.postsPerSecond} posts/s`);
  }
  try {
    const clients = await connectDashboards(urls, options.clients, watchedOf);
    const failed = clients.failed();
    log(
      `${clients.connected()} clients connected, ${failed} failed; warming up ${options.warmupSec} s`,
    );
    await sleep(options.warmupSec * 1000);
    const probe = new Worker(new URL('./server-probe-worker.mjs', import.meta.url), {
      workerData: { url: urls[0] },
    });
    clients.measure(true);
    log(`measuring ${options.durationSec} s`);
    await sleep(options.durationSec * 1000);
    const settledBefore = Date.now() - 3000;
    await sleep(2000);
    clients.measure(false);
    const samples = await stopProbe(probe);
    clients.close();
    const figures = loadFigures(clients.records, samples, settledBefore);
    const line = `could not connect   ${failed}`;
    process.stdout.write(
      `${formatFigures(figures)}\n${line}\n${JSON.stringify({ ...figures, failed })}\n`,
    );
  } finally {
    await server?.stop();
  }
}

function stopProbe(probe: Worker): Promise<ProbeSamples> {
  return new Promise((resolve) => {
    probe.once('message', (samples: ProbeSamples) => {
      void probe.terminate();
      resolve(samples);
    });
    probe.postMessage('stop');
  });
}

function log(message: string): void {
  process.stderr.write(`[loadtest] ${message}\n`);
}

try {
  await run(parseLoadTestOptions(process.argv.slice(2)));
  process.exit(0);
} catch (error) {
  if (error instanceof LoadTestOptionError) {
    process.stderr.write(`${error.message}\n${LOADTEST_USAGE}\n`);
    process.exit(2);
  }
  throw error;
}
