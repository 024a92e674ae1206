import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;

/**
 * Starts a worker thread on a TypeScript module. The server runs its sources through tsx
 * (`tsx server/main.ts`, `node --import tsx server/main.ts` in the image, vitest in tests), but a
 * worker thread does not inherit the loader hooks of its parent, so a small bootstrap registers
 * tsx in the worker before importing the module.
 */
export function startTsWorker(moduleUrl: URL): Worker {
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
