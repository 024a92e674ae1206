import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (forwardedFor?: string) =>
  ({
    socket: { remoteAddress: '10.9.9.9' },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('1.2.3.4'), 0)).toBe('10.9.9.9');
  });

  it('takes the entry the trusted proxies wrote, not what the client wrote before it', () => {
    expect(clientAddress(request('6.6.6.6, 203.0.113.12'), 1)).toBe('203.0.113.12');
    expect(clientAddress(request('6.6.6.6, 203.0.113.12, 10.0.0.1'), 2)).toBe('203.0.113.12');
  });

  it('falls back to the leftmost entry, then to the peer, when the header is short or absent', () => {
    expect(clientAddress(request('203.0.113.12'), 3)).toBe('203.0.113.12');
    expect(clientAddress(request(), 1)).toBe('10.9.9.9');
  });
});
