import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./ts-worker-bootstrap.mjs', import.meta.url);

/**
 * Starts a worker thread on a TypeScript module. The server runs its sources through tsx
 * (`tsx server/main.ts`, `node --import tsx server/main.ts` in the image, vitest in tests), but a
 * worker thread does not inherit the loader hooks of its parent, so a small JavaScript bootstrap
 * registers tsx in the worker before importing the module.
 */
export function startTsWorker(moduleUrl: URL): Worker {
  return new Worker(BOOTSTRAP, { workerData: { moduleUrl: moduleUrl.href } });
}
