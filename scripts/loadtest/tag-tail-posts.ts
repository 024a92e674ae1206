/**
 * Posts for the load test's mock X API: 0 to 3 hashtags each drawn from a Zipf tail of `tags`
 * distinct tags (a few very common, most rare, as on X), authors from a pool of 20,000, about a
 * fifth of them retweets. Stamped with the time they are made, as a live stream would be.
 */
import { Random } from '../fixture/random';
import { ZipfSampler } from '../fixture/zipf';
import type { MockPost } from '../mock-x-api/mock-posts';

const AUTHORS = 20_000;
const FIRST_ID = 1_950_000_000_000_000_000n;

export function tagTailPostFactory(tags: number, seed = 11): (index: number) => MockPost {
  const random = new Random(seed);
  const zipf = new ZipfSampler(tags, 1.1);
  return (index) => {
    const count = Math.floor(random.next() * 4);
    const drawn = new Set<number>();
    for (let tag = 0; tag < count; tag++) drawn.add(zipf.sample(random));
    const retweet = random.next() < 0.2;
    let text = retweet ? `RT @someone: post ${index}` : `post ${index}`;
    const hashtags = [...drawn].map((rank) => {
      const tag = `tag${rank.toString(36)}`;
      text += ' ';
      const start = text.length;
      text += `#${tag}`;
      return { start, end: start + 1 + tag.length, tag };
    });
    const author = String(1_000_000 + Math.floor(random.next() * AUTHORS));
    return {
      user: { id: author, username: `user${author}`, name: `User ${author}` },
      data: {
        id: String(FIRST_ID + BigInt(index) * 4096n),
        text,
        created_at: new Date().toISOString(),
        author_id: author,
        lang: 'en',
        ...(hashtags.length ? { entities: { hashtags } } : {}),
        ...(retweet ? { referenced_tweets: [{ type: 'retweeted' as const, id: '1' }] } : {}),
      },
    };
  };
}
