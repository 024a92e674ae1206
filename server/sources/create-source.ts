/** Picks the tweet source named by `TWEET_SOURCE`. */
import type { Logger } from 'pino';
import type { Config } from '@/server/config';
import { FixtureSource } from './fixture/fixture-source';
import type { TweetSource } from './types';
import { createXSource } from './x/source-factory';

export function createSource(config: Readonly<Config>, logger: Logger): TweetSource {
  const sourceLogger = logger.child({ component: 'source' });
  switch (config.TWEET_SOURCE) {
    case 'fixture':
      return new FixtureSource({
        path: config.FIXTURE_PATH,
        speed: config.FIXTURE_SPEED,
        loop: config.FIXTURE_LOOP,
        batchIntervalMs: config.BATCH_INTERVAL_MS,
        parseWorkers: config.PARSE_WORKERS,
        logger: sourceLogger,
      });
    case 'filtered':
    case 'sample':
    case 'search':
      return createXSource(config.TWEET_SOURCE, config, sourceLogger);
  }
}
