import { Random } from '@/scripts/fixture/random';
import { ZipfSampler } from '@/scripts/fixture/zipf';

export interface FloodOptions {
  seed: number;
  startMs: number;
  durationMs: number;
  /** Posts per second of virtual time. */
  postsPerSec: number;
  /** New, never-seen hashtags per hour of virtual time, spread over the posts. */
  distinctTagsPerHour: number;
}

/** A few popular tags (Zipf over 2,000) ride along, so windows and trending have real leaders. */
const VOCABULARY = 2_000;

/**
 * X API v2 stream lines, generated one at a time (nothing held): every post carries its share of
 * brand-new hashtags (`#f<n>`, so about `distinctTagsPerHour / 3600 / postsPerSec` each, several
 * when the flood outpaces the posts) and one popular tag; one author in 20,000, one retweet in
 * ten. Seeded and cheap, so the flood's memory is the job's, not the input's.
 */
export function* floodLines(options: FloodOptions): Generator<string> {
  const random = new Random(options.seed);
  const popular = new ZipfSampler(VOCABULARY, 1.1);
  const posts = Math.floor((options.durationMs / 1000) * options.postsPerSec);
  const newTagsPerPost = options.distinctTagsPerHour / 3600 / options.postsPerSec;
  let newTags = 0;
  let owed = 0;
  for (let index = 0; index < posts; index++) {
    const timeMs = options.startMs + Math.floor((index * 1000) / options.postsPerSec);
    const tags = [`Pop${popular.sample(random)}`];
    owed += newTagsPerPost;
    for (; owed >= 1; owed--) tags.push(`f${(newTags++).toString(36)}`);
    let text = random.next() < 0.1 ? 'RT @someone: flood' : 'flood';
    const hashtags = tags.map((tag) => {
      const start = text.length + 1;
      text += ` #${tag}`;
      return { start, end: start + tag.length + 1, tag };
    });
    yield JSON.stringify({
      data: {
        id: String(1_900_000_000_000_000_000n + BigInt(index)),
        text,
        created_at: new Date(timeMs).toISOString(),
        author_id: String(1_000 + Math.floor(random.next() * 20_000)),
        entities: { hashtags },
        ...(text.startsWith('RT') ? { referenced_tweets: [{ type: 'retweeted', id: '1' }] } : {}),
      },
    });
  }
}
