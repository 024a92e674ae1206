import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { classifyXError } from './x-error';

const nowMs = 1_700_000_000_000;

function responseError(code: number, data: object = {}, reset?: number): ApiResponseError {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data,
    headers: {},
    request: { getHeader: () => 'Bearer secret' } as unknown as ClientRequest,
    response: {} as IncomingMessage,
    rateLimit: reset === undefined ? undefined : { limit: 50, remaining: 0, reset },
  });
}

describe('classifyXError', () => {
  it('stops on 401 and 403 with a hint', () => {
    expect(classifyXError(responseError(401), nowMs)).toEqual({
      status: 401,
      message: '401 Unauthorized: check X_BEARER_TOKEN',
    });
    expect(classifyXError(responseError(403), nowMs).failure).toBeUndefined();
  });

  it('backs off for a rate limit until its reset', () => {
    const error = responseError(429, { title: 'Too Many Requests' }, nowMs / 1000 + 90);
    expect(classifyXError(error, nowMs)).toEqual({
      status: 429,
      failure: { kind: 'rate-limit', resetAtMs: nowMs + 90_000 },
      message: '429 Too Many Requests (Too Many Requests), resets in 90 s',
    });
  });

  it('treats other statuses as HTTP errors, with X title and detail', () => {
    const error = responseError(503, { title: 'Service Unavailable', detail: 'try later' });
    expect(classifyXError(error, nowMs)).toEqual({
      status: 503,
      failure: { kind: 'http' },
      message: 'HTTP 503 (Service Unavailable: try later)',
    });
  });

  it('treats request failures as network errors and names the cause, never the request', () => {
    const error = new ApiRequestError('Request failed.', {
      request: { getHeader: () => 'Bearer secret' } as unknown as ClientRequest,
      error: new Error('connect ECONNREFUSED 127.0.0.1:9'),
    });
    const classified = classifyXError(error, nowMs);
    expect(classified).toEqual({
      failure: { kind: 'network' },
      message: 'network error: connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(JSON.stringify(classified)).not.toContain('secret');
  });
});
