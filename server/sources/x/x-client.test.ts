import { afterEach, describe, expect, it } from 'vitest';
import { startMockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import { MOCK_TOKEN } from '../../../scripts/mock-x-api/test-support';
import { createXClient, rewriteApiUrl } from './x-client';

let mock: MockXApi | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('rewriteApiUrl', () => {
  it('moves X API URLs to the base, with or without a trailing slash', () => {
    const url = 'https://api.x.com/2/tweets/search/stream?expansions=author_id';
    expect(rewriteApiUrl(url, 'http://127.0.0.1:4010')).toBe(
      'http://127.0.0.1:4010/2/tweets/search/stream?expansions=author_id',
    );
    expect(rewriteApiUrl(url, 'http://127.0.0.1:4010/')).toBe(
      'http://127.0.0.1:4010/2/tweets/search/stream?expansions=author_id',
    );
    expect(rewriteApiUrl(url, 'https://api.x.com')).toBe(url);
  });

  it('leaves other hosts alone', () => {
    expect(rewriteApiUrl('https://upload.x.com/1.1/media', 'http://mock')).toBe(
      'https://upload.x.com/1.1/media',
    );
  });
});

describe('createXClient', () => {
  it.each(['', '/'])('sends requests to an http:// base URL (suffix "%s")', async (suffix) => {
    mock = await startMockXApi({ bearerToken: MOCK_TOKEN });
    mock.publishSearchPosts(3);
    const client = createXClient({ bearerToken: MOCK_TOKEN, baseUrl: mock.url + suffix });
    const page = await client.v2.get('tweets/search/recent', { query: 'x', max_results: 10 });
    expect(page.meta.result_count).toBe(3);
  });
});
