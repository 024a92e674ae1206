/** `GET /healthz` (the process answers), `GET /readyz` (ingesting), `GET /metrics`. */
import type { Registry } from 'prom-client';
import type { SourceStatus } from '@/lib/protocol';
import type { RouteAnswer } from './respond';
import { json } from './respond';

export interface Readiness {
  ready: boolean;
  /** Why not ready; absent when ready. */
  reason?: string;
  /** The source's public status (never credentials). */
  source: SourceStatus;
}

export function healthRoute(): RouteAnswer {
  return json(200, { status: 'ok' });
}

export function readyRoute(readiness: Readiness): RouteAnswer {
  if (readiness.ready) return json(200, { status: 'ready', source: readiness.source });
  return json(503, { status: 'not ready', reason: readiness.reason, source: readiness.source });
}

export async function metricsRoute(registry: Registry): Promise<RouteAnswer> {
  return {
    status: 200,
    text: { contentType: registry.contentType, content: await registry.metrics() },
  };
}
