/**
 * Compresses an answer's body for a client that accepts it: Brotli when offered, else gzip.
 * Small bodies are sent as they are (compression would save little and cost a header's worth).
 * Brotli runs at a low quality: the answers are live state, compressed once each, on the thread
 * that serves every request, so speed matters more than the last few percent.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Bodies below this many bytes are not compressed. */
export const COMPRESS_FROM_BYTES = 1024;

const BROTLI_QUALITY = 4;

export type ContentEncoding = 'br' | 'gzip';

export interface EncodedBody {
  content: Buffer;
  /** Absent: the content is the body as it was. */
  encoding?: ContentEncoding;
}

/** The coding to use for an `Accept-Encoding` header, or undefined for none. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const quality = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name, quality === undefined ? 1 : Number(quality));
  }
  const accepts = (name: ContentEncoding) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

export function compressBody(body: string, acceptEncoding: string | undefined): EncodedBody {
  const content = Buffer.from(body);
  const encoding =
    content.length >= COMPRESS_FROM_BYTES ? chooseEncoding(acceptEncoding) : undefined;
  if (encoding === 'br') {
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    };
    return { content: brotliCompressSync(content, { params }), encoding };
  }
  if (encoding === 'gzip') return { content: gzipSync(content), encoding };
  return { content };
}
