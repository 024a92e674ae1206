import type { ServerResponse } from 'node:http';

/** What a route answers; the router writes it. `text` replaces the JSON body when present. */
export interface RouteAnswer {
  status: number;
  body?: unknown;
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  ({ status, body, headers }) satisfies RouteAnswer;

/** Writes an answer; nothing is cached (`no-store`): every answer is live state. */
export function send(res: ServerResponse, answer: RouteAnswer, headOnly: boolean): void {
  const content = answer.text ? answer.text.content : JSON.stringify(answer.body ?? null);
  res.writeHead(answer.status, {
    'content-type': answer.text ? answer.text.contentType : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(content),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...answer.headers,
  });
  res.end(headOnly ? undefined : content);
}
