/**
 * Tells the dashboards when the source status this instance shows changes between batches (an
 * instance losing Redis gets no batch to carry the news). Checked every `periodMs`; only the
 * fields a person reads are compared, so a changing rate does not send anything.
 */
import type { SourceStatus } from '@/lib/protocol';

export function watchSourceStatus(
  current: () => SourceStatus,
  onChange: (status: SourceStatus) => void,
  periodMs = 500,
): () => void {
  const summary = (status: SourceStatus) =>
    JSON.stringify([status.label, status.connection, status.degraded ?? null]);
  let last = summary(current());
  const timer = setInterval(() => {
    const status = current();
    const now = summary(status);
    if (now === last) return;
    last = now;
    onChange(status);
  }, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}
