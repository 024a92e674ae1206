import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRateLimit } from './api-rate-limit';
import type { NextApp } from './next-app';
import { refuseForeignRequest } from './refuse-foreign-requests';
import { send } from './respond';
import { NON_PAGE_POLICY, createNonce, pagePolicy, setSecurityHeaders } from './security-headers';

export interface RequestHandlerDeps {
  router: {
    owns(url: string): boolean;
    handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  };
  apiRateLimit: ApiRateLimit;
  /** Next once prepared; undefined before (or when pages are off). */
  nextApp(): NextApp | undefined;
  /** Pages are served (Next enabled), in development mode or not. */
  pages: false | 'dev' | 'production';
  onRateLimited?: () => void;
}

/**
 * Every HTTP answer but socket.io's: security headers first, then foreign requests refused
 * (`refuse-foreign-requests.ts`), then our routes (the API rate
 * limited per client address), then Next. A page request carries its policy, with a fresh nonce,
 * in its request headers too: Next reads the nonce from the request's Content-Security-Policy
 * and puts it on its scripts, and the layout reads `x-nonce` for its own inline script.
 */
export function createRequestHandler(deps: RequestHandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // A page's answer replaces this policy with its own below.
    setSecurityHeaders(res, NON_PAGE_POLICY);
    if (refuseForeignRequest(req, res)) return;
    const url = req.url ?? '/';
    if (deps.router.owns(url)) {
      void handleOwn(req, res, url);
      return;
    }
    const nextApp = deps.nextApp();
    if (deps.pages === false || nextApp === undefined) {
      res.writeHead(deps.pages === false ? 404 : 503, { 'content-type': 'text/plain' });
      res.end(deps.pages === false ? 'not found' : 'starting');
      return;
    }
    const nonce = createNonce();
    const policy = pagePolicy(nonce, deps.pages === 'dev');
    req.headers['content-security-policy'] = policy;
    req.headers['x-nonce'] = nonce;
    setSecurityHeaders(res, policy);
    void nextApp.handle(req, res);
  };

  async function handleOwn(req: IncomingMessage, res: ServerResponse, url: string) {
    if (url.startsWith('/api')) {
      const refusal = await deps.apiRateLimit(req).catch(() => undefined);
      if (refusal) {
        deps.onRateLimited?.();
        return send(res, refusal, req.method === 'HEAD');
      }
    }
    await deps.router.handle(req, res);
  }
}
