import type { ServerResponse } from 'node:http';
import { compressBody } from './compress-body';

/** What a route answers; the router writes it. `text` replaces the JSON body when present. */
export interface RouteAnswer {
  status: number;
  body?: unknown;
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  ({ status, body, headers }) satisfies RouteAnswer;

/**
 * Writes an answer; nothing is cached (`no-store`): every answer is live state. A large body is
 * compressed when the request's `Accept-Encoding` allows (see `compress-body.ts`).
 */
export function send(
  res: ServerResponse,
  answer: RouteAnswer,
  headOnly: boolean,
  acceptEncoding?: string,
): void {
  const body = answer.text ? answer.text.content : JSON.stringify(answer.body ?? null);
  const { content, encoding } = compressBody(body, acceptEncoding);
  res.writeHead(answer.status, {
    'content-type': answer.text ? answer.text.contentType : 'application/json; charset=utf-8',
    'content-length': content.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...answer.headers,
  });
  res.end(headOnly ? undefined : content);
}
