/** Error answers of the mock, shaped like X's problem objects. */
import http from 'node:http';
import type { ServerResponse } from 'node:http';
import { sendJson } from './mock-search';

const UNAUTHORIZED = {
  title: 'Unauthorized',
  type: 'about:blank',
  status: 401,
  detail: 'Unauthorized',
};

export function sendUnauthorized(res: ServerResponse): void {
  sendJson(res, 401, UNAUTHORIZED);
}

/** A stream refused with `status` (429: `TooManyConnections`; 409: no rules). */
export function sendStreamError(res: ServerResponse, status: number, resetInSec?: number): void {
  const headers: Record<string, string> = {};
  if (resetInSec !== undefined) headers['x-rate-limit-reset'] = resetHeader(resetInSec);
  if (status === 429) {
    headers['x-rate-limit-limit'] = '50';
    headers['x-rate-limit-remaining'] = '0';
  }
  sendJson(res, status, streamErrorBody(status), headers);
}

/** `x-rate-limit-reset`: Unix seconds, `inSec` from now. */
export function resetHeader(inSec: number): string {
  return String(Math.ceil(Date.now() / 1000 + inSec));
}

function streamErrorBody(status: number): Record<string, unknown> {
  const type = 'https://api.x.com/2/problems/streaming-connection';
  if (status === 409) return { title: 'ConnectionException', detail: 'No rules', type };
  if (status === 429)
    return {
      title: 'ConnectionException',
      detail: 'Too many connections',
      connection_issue: 'TooManyConnections',
      type,
    };
  return { title: http.STATUS_CODES[status] ?? 'Error', detail: `scripted ${status}`, status };
}
