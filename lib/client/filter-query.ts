/** The routes' query for a view filter: `?lang=pt&originals=true`, or empty when unfiltered. */
import type { ViewFilter } from '@/lib/view-filters';

export function filterQuery(filter: ViewFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filter.lang !== undefined) params.set('lang', filter.lang);
  if (filter.originalsOnly) params.set('originals', 'true');
  const query = params.toString();
  return query ? `?${query}` : '';
}
