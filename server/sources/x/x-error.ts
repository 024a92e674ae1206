/**
 * Turns whatever a twitter-api-v2 call threw into what the reconnect loop needs: which backoff
 * applies, whether to give up (401/403), and a message safe to log and to show. Errors are never
 * logged whole: the library's errors hold the request, whose headers carry the bearer token.
 */
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { Failure } from './backoff';

export interface ClassifiedError {
  /** Backoff to apply; absent when the source must stop (bad credentials or access). */
  failure?: Failure;
  /** One line, safe to log and to put in the status (no headers, no token). */
  message: string;
  status?: number;
}

const FATAL_HINTS: Record<number, string> = {
  401: '401 Unauthorized: check X_BEARER_TOKEN',
  403: '403 Forbidden: this app has no access to the endpoint (see the access each source needs)',
};

export function classifyXError(error: unknown, nowMs: number): ClassifiedError {
  if (error instanceof ApiResponseError) return classifyResponse(error, nowMs);
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) {
    const cause = (error as unknown as { _options?: { error?: unknown } })._options?.error;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return { failure: { kind: 'network' }, message: `network error${detail}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { failure: { kind: 'network' }, message: `network error: ${message}` };
}

function classifyResponse(error: ApiResponseError, nowMs: number): ClassifiedError {
  const status = error.code;
  const title = describeBody(error.data);
  if (FATAL_HINTS[status]) return { status, message: FATAL_HINTS[status]! };
  if (status === 429) {
    const resetAtMs = error.rateLimit?.reset ? error.rateLimit.reset * 1000 : undefined;
    const untilReset =
      resetAtMs === undefined
        ? ''
        : `, resets in ${Math.max(0, Math.ceil((resetAtMs - nowMs) / 1000))} s`;
    return {
      status,
      failure: { kind: 'rate-limit', resetAtMs },
      message: `429 Too Many Requests${title}${untilReset}`,
    };
  }
  return { status, failure: { kind: 'http' }, message: `HTTP ${status}${title}` };
}

function describeBody(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const body = data as { title?: unknown; detail?: unknown; connection_issue?: unknown };
  const parts = [body.title, body.connection_issue, body.detail].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return parts.length > 0 ? ` (${parts.join(': ').slice(0, 200)})` : '';
}
