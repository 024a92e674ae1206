import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Sent with every answer: pages, the API, health checks, metrics and socket.io's polling. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers without CSP's frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
});

/** Answers that are not pages (JSON, metrics text) load nothing and are never framed. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A fresh, unpredictable nonce for one page answer (128 bits, base64). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of a dashboard page. Scripts run only with this answer's nonce
 * (Next puts it on its own scripts when the request carries this policy) and what those load
 * (`'strict-dynamic'`); no inline script without the nonce, no `eval` in production (React's
 * development build needs it). Styles allow inline: React and recharts write `style` attributes,
 * which a nonce cannot cover. Sockets connect to the page's own origin (`connect-src 'self'`).
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the common headers and a Content-Security-Policy on an answer not yet written. */
export function setSecurityHeaders(res: ServerResponse, policy: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('content-security-policy', policy);
}
