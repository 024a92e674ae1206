/** `GET /healthz` (the process answers), `GET /readyz` (ingesting), `GET /metrics`. */
import type { Registry } from 'prom-client';
import type { SourceStatus } from '@/lib/protocol';
import type { ClusterStatus } from '../cluster/cluster-status';
import type { RouteAnswer } from './respond';
import { json } from './respond';

export interface Readiness {
  ready: boolean;
  /** Why not ready; absent when ready. */
  reason?: string;
  /** The source's public status (never credentials). */
  source: SourceStatus;
  /** With several instances (`REDIS_URL`): this instance's role and Redis connection. */
  cluster?: ClusterStatus;
}

export function healthRoute(): RouteAnswer {
  return json(200, { status: 'ok' });
}

export function readyRoute(readiness: Readiness): RouteAnswer {
  const { source, cluster } = readiness;
  if (readiness.ready) return json(200, { status: 'ready', source, cluster });
  return json(503, { status: 'not ready', reason: readiness.reason, source, cluster });
}

export async function metricsRoute(registry: Registry): Promise<RouteAnswer> {
  return {
    status: 200,
    text: { contentType: registry.contentType, content: await registry.metrics() },
  };
}
