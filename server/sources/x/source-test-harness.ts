/** Test support: live X sources started against a fresh mock X API, both stopped after each test. */
import { afterEach } from 'vitest';
import { startMockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApiOptions } from '../../../scripts/mock-x-api/mock-types';
import {
  capturingLogger,
  MOCK_TOKEN,
  mockXConfig,
  recordingSink,
} from '../../../scripts/mock-x-api/test-support';
import type { XTestConfig } from '../../../scripts/mock-x-api/test-support';
import type { TweetSource } from '../types';
import type { ServerClock } from '../../time/server-clock';
import { createXSource } from './source-factory';
import type { XSourceKind } from './source-factory';

/** Registers the clean-up (call at the top of a test file); `start` runs one source per test. */
export function useSourceAgainstMockXApi() {
  let mock: MockXApi | undefined;
  let source: TweetSource | undefined;
  afterEach(async () => {
    await source?.stop();
    await mock?.close();
    source = mock = undefined;
  });
  return {
    /** The mock of the running test; throws before `start`. */
    get mock(): MockXApi {
      if (mock === undefined) throw new Error('no mock X API started in this test');
      return mock;
    },
    /** Starts the mock (`prepare` runs on it first), then a source of `kind` on it. */
    async start(
      kind: XSourceKind,
      options: Partial<MockXApiOptions>,
      config: Partial<XTestConfig> = {},
      extra: { prepare?: (api: MockXApi) => void; clock?: ServerClock } = {},
    ) {
      mock = await startMockXApi({ bearerToken: MOCK_TOKEN, ...options });
      extra.prepare?.(mock);
      const logger = capturingLogger();
      const sink = recordingSink();
      source = createXSource(kind, mockXConfig(mock, config), logger, extra.clock);
      await source.start(sink);
      return { mock, source, sink, logger };
    },
  };
}
