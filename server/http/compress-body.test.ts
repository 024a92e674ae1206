import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_FROM_BYTES, chooseEncoding, compressBody } from './compress-body';

const largeBody = JSON.stringify({
  points: Array.from({ length: 180 }, (_, index) => ({ batchTime: index * 2000, count: index })),
});

describe('chooseEncoding', () => {
  it('prefers Brotli, then gzip, as browsers offer them', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
  });

  it('honours a zero quality and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
  });

  it('chooses none without a header or with only unknown codings', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('deflate;q=1')).toBeUndefined();
  });
});

describe('compressBody', () => {
  it('compresses a large body with Brotli into what decompresses to it', () => {
    expect(largeBody.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    const { content, encoding } = compressBody(largeBody, 'gzip, br');
    expect(encoding).toBe('br');
    expect(content.length).toBeLessThan(largeBody.length / 3);
    expect(brotliDecompressSync(content).toString()).toBe(largeBody);
  });

  it('compresses with gzip when Brotli is not offered', () => {
    const { content, encoding } = compressBody(largeBody, 'gzip');
    expect(encoding).toBe('gzip');
    expect(gunzipSync(content).toString()).toBe(largeBody);
  });

  it('sends a small body or one to a client that accepts no coding as it is', () => {
    expect(compressBody('{"ok":true}', 'br')).toEqual({ content: Buffer.from('{"ok":true}') });
    expect(compressBody(largeBody, undefined).encoding).toBeUndefined();
  });
});
