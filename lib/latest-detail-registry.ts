/**
 * How the dashboard page, rendered on the server, reads the detail of the tag its address opens
 * (`?tag=worldcup`): the custom server registers a reader here, as it does the snapshot's (see
 * latest-snapshot-registry.ts for why the reader is kept on `globalThis`), and the page calls
 * `readLatestDetail()`. The detail read is the socket's `detail` update of the latest batch, so
 * the first paint shows the detail the first update would bring.
 */
import type { TagDetailRequest, TagDetailUpdate } from '@/lib/tag-detail-protocol';

export type DetailReader = (
  request: TagDetailRequest,
) => TagDetailUpdate | null | Promise<TagDetailUpdate | null>;

const REGISTRY_KEY = Symbol.for('tagstream.latestDetailReader');

type RegistryHolder = { [REGISTRY_KEY]?: DetailReader };

/** Makes `reader` the one pages read; the function returned removes this reader only. */
export function registerDetailReader(reader: DetailReader): () => void {
  const holder = globalThis as RegistryHolder;
  holder[REGISTRY_KEY] = reader;
  return () => {
    if (holder[REGISTRY_KEY] === reader) delete holder[REGISTRY_KEY];
  };
}

/**
 * The latest detail update of `request`, or null when no server registered a reader, the key is
 * not a tag, or the reader failed: the page then opens the detail empty and fetches it.
 */
export async function readLatestDetail(request: TagDetailRequest): Promise<TagDetailUpdate | null> {
  const reader = (globalThis as RegistryHolder)[REGISTRY_KEY];
  if (!reader) return null;
  try {
    return await reader(request);
  } catch {
    return null;
  }
}
