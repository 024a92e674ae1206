import fc from 'fast-check';
import type { ViewFilter } from '@/lib/view-filters';
import { hashtagKey } from '../parsing/hashtag-key';
import type { ParsedPost } from '../types';

export const FILTERS: ViewFilter[] = [
  { lang: 'pt' },
  { lang: 'pt', originalsOnly: true },
  { lang: 'und' },
  { originalsOnly: true },
  { lang: 'fr' },
];
export const HEAVY_MS = 60_000;
/** `choosePaneMs([60 s], 2 s)`: panes of 4 s. */
export const PANE_MS = 4_000;
const CAPACITY = 8;
export const SETTINGS = {
  windowsMs: [10_000, 30_000, HEAVY_MS],
  heavyHittersFromMs: HEAVY_MS,
  heavyHittersCapacity: CAPACITY,
  topN: 100,
};

export function filteredPost(
  id: string,
  tags: string[],
  lang: string | undefined,
  isRetweet: boolean,
) {
  const spellings = new Map(tags.map((tag) => [hashtagKey(tag), tag]));
  const post: ParsedPost = {
    id,
    authorId: `a${id}`,
    isRetweet,
    retweetOf: isRetweet ? `original-${id}` : undefined,
    tags: [...spellings].map(([key, spelling]) => ({ key, spelling })),
    lang,
  };
  return post;
}

const postArbitrary = fc.record({
  tags: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: 4, max: 200 }) },
    ),
    { maxLength: 3 },
  ),
  lang: fc.constantFrom('pt', 'en', 'ja', undefined),
  isRetweet: fc.boolean(),
});

/** Up to 50 batches of up to 10 posts of a few common tags and many rare ones. */
export const batchesArbitrary = fc
  .array(fc.array(postArbitrary, { maxLength: 10 }), { minLength: 1, maxLength: 50 })
  .map((batches) =>
    batches.map((posts, batch) =>
      posts.map((post, index) =>
        filteredPost(
          `${batch}-${index}`,
          post.tags.map((tag) => `t${tag}`),
          post.lang,
          post.isRetweet,
        ),
      ),
    ),
  );
