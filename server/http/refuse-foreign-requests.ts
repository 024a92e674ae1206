import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Requests no route of ours or Next's should see, answered here so that they never reach Next,
 * which answers them with a 500 and a multi-line stack trace on stderr:
 * - a request target that is not a path (`OPTIONS *`, a proxy's `GET http://host/`): 400;
 * - a Server Action call (`Next-Action` header): the dashboard has no Server Actions, so 404.
 * Returns true when it has answered.
 */
export function refuseForeignRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (!(req.url ?? '').startsWith('/')) {
    answer(res, 400, 'the request target must be a path');
    return true;
  }
  if (req.headers['next-action'] !== undefined) {
    answer(res, 404, 'no such Server Action');
    return true;
  }
  return false;
}

function answer(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error }));
}
