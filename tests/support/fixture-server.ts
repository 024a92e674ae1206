/**
 * The real server replaying `fixturePath` once at full speed, without Next, on a free loopback
 * port: what the integration tests that compare answers with counts made from the file start.
 */
import pino from 'pino';
import { loadConfig } from '@/server/config';
import { createTagstreamServer } from '@/server/create-server';
import type { TagstreamServer } from '@/server/create-server';

export async function startFixtureServer(
  fixturePath: string,
  env: Record<string, string> = {},
): Promise<{ server: TagstreamServer; base: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    FIXTURE_PATH: fixturePath,
    FIXTURE_SPEED: 'max',
    FIXTURE_LOOP: 'false',
    ...env,
  } as NodeJS.ProcessEnv);
  const server = createTagstreamServer({ config, logger: pino({ level: 'silent' }), next: false });
  const { port } = await server.listen();
  return { server, base: `http://127.0.0.1:${port}` };
}
