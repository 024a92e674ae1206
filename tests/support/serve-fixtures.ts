/**
 * A child process for integration tests: one real server (no Next) per fixture case in argv[2]
 * (JSON: `[{ name, env }]`), each on a free port. Prints one JSON line per case, `{ name, url }`
 * or `{ name, error }`, then `{ "listening": true }`. On SIGTERM it closes every server and exits
 * 0, as `server/main.ts` does. A case that blocks the event loop blocks them all, which is the
 * point: the test sees a server that stops answering or a SIGTERM that is ignored.
 */
import { loadConfig } from '@/server/config';
import { createTagstreamServer } from '@/server/create-server';
import type { TagstreamServer } from '@/server/create-server';
import { createLogger } from '@/server/logger';

interface FixtureCase {
  name: string;
  env: Record<string, string>;
}

const cases = JSON.parse(process.argv[2] ?? '[]') as FixtureCase[];
const servers: TagstreamServer[] = [];
const logger = createLogger('silent');

async function startCase({ name, env }: FixtureCase): Promise<void> {
  try {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env });
    const server = createTagstreamServer({ config, logger, next: false });
    servers.push(server);
    const { url } = await server.listen();
    process.stdout.write(JSON.stringify({ name, url }) + '\n');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(JSON.stringify({ name, error: message }) + '\n');
  }
}

process.on('SIGTERM', () => {
  void Promise.all(servers.map((server) => server.close())).then(() => process.exit(0));
});

await Promise.all(cases.map(startCase));
process.stdout.write(JSON.stringify({ listening: true }) + '\n');
