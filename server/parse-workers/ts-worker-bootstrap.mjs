// Entry of worker threads that run TypeScript: registers tsx in this thread (a worker does not
// inherit its parent's loader hooks), then imports the module named in `workerData.moduleUrl`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.moduleUrl);
