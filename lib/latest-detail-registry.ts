/**
 * How the dashboard page, rendered on the server, reads the detail of the tag its address opens
 * (`?tag=worldcup`): the custom server registers a reader here, as it does the snapshot's, and
 * the page calls `readLatestDetail()`. The detail read is the socket's `detail` update of the
 * latest batch, so the first paint shows the detail the first update would bring.
 */
import { globalReaderSlot } from '@/lib/global-reader-slot';
import type { TagDetailRequest, TagDetailUpdate } from '@/lib/tag-detail-protocol';

export type DetailReader = (
  request: TagDetailRequest,
) => TagDetailUpdate | null | Promise<TagDetailUpdate | null>;

const detailSlot = globalReaderSlot<TagDetailRequest, TagDetailUpdate>(
  'tagstream.latestDetailReader',
);

/** Makes `reader` the one pages read; the function returned removes this reader only. */
export function registerDetailReader(reader: DetailReader): () => void {
  return detailSlot.register(reader);
}

/**
 * The latest detail update of `request`, or null when no server registered a reader, the key is
 * not a tag, or the reader failed: the page then opens the detail empty and fetches it.
 */
export function readLatestDetail(request: TagDetailRequest): Promise<TagDetailUpdate | null> {
  return detailSlot.read(request);
}
