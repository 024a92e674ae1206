import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Records this thread's CPU profile around `work` (like `node --cpu-prof`, but only the timed
 * part) and writes it to `<dir>/<name>.cpuprofile`, for Chrome DevTools or any profile viewer.
 * The folder is made if it does not exist yet.
 */
export async function withCpuProfile<T>(dir: string, name: string, work: () => Promise<T>) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file), JSON.stringify(profile));
    session.disconnect();
  }
}
