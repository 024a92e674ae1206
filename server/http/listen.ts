import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A host to print in URLs: a wildcard address is reachable as localhost. */
export function publicHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/** Listens and resolves with the bound port (the chosen one when `port` is 0). */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
