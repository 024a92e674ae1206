/* global fetch, performance, setTimeout */
// Probes a server from its own thread (so the clients' work does not delay the measurement):
// `/healthz` every 250 ms (latency), `/metrics` every 2 s (resident set and heap). Posts its
// samples to the parent when asked to stop. Plain JavaScript: runs in a worker thread as is.
import { parentPort, workerData } from 'node:worker_threads';

const { url } = workerData;
const healthzMs = [];
const memory = [];
let running = true;

async function probeHealthz() {
  while (running) {
    const started = performance.now();
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      healthzMs.push(performance.now() - started);
    } catch {
      healthzMs.push(Number.POSITIVE_INFINITY);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function metric(text, name) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

async function probeMemory() {
  while (running) {
    try {
      const text = await (await fetch(`${url}/metrics`)).text();
      memory.push({
        rssBytes: metric(text, 'process_resident_memory_bytes'),
        heapUsedBytes: metric(text, 'nodejs_heap_size_used_bytes'),
        cpuSeconds: metric(text, 'process_cpu_seconds_total'),
        atMs: Date.now(),
      });
    } catch {
      // The server may be busy or gone; the healthz probe records that.
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

parentPort.on('message', async (message) => {
  if (message !== 'stop') return;
  running = false;
  await Promise.all(probes);
  parentPort.postMessage({ healthzMs, memory });
});

const probes = [probeHealthz(), probeMemory()];
