/**
 * The real server replaying `fixturePath` once at full speed, on a free loopback port: what the
 * integration tests that compare answers with counts made from the file start. Without Next by
 * default; `{ next: root }` serves the dashboard's production build from `root` as well (the
 * browser tests, after `ensureNextBuild`).
 */
import pino from 'pino';
import { loadConfig } from '@/server/config';
import { createTagstreamServer } from '@/server/create-server';
import type { TagstreamServer } from '@/server/create-server';

export async function startFixtureServer(
  fixturePath: string,
  env: Record<string, string> = {},
  options: { next?: string } = {},
): Promise<{ server: TagstreamServer; base: string }> {
  const config = loadConfig({
    NODE_ENV: options.next === undefined ? 'test' : 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    FIXTURE_PATH: fixturePath,
    FIXTURE_SPEED: 'max',
    FIXTURE_LOOP: 'false',
    ...env,
  } as NodeJS.ProcessEnv);
  const logger = pino({ level: 'silent' });
  const server =
    options.next === undefined
      ? createTagstreamServer({ config, logger, next: false })
      : createTagstreamServer({ config, logger, next: true, dir: options.next });
  const { port } = await server.listen();
  return { server, base: `http://127.0.0.1:${port}` };
}
