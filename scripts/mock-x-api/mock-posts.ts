/**
 * Deterministic posts for the mock X API: increasing snowflake-like ids, hashtags in Japanese,
 * Arabic, Latin with accents and with emoji (4-byte UTF-8), entities with code-point indices as X
 * sends them, and an author in `includes.users`.
 */
import type { Post } from '@/lib/trends/types';

export interface MockUser {
  id: string;
  username: string;
  name: string;
}

export interface MockPost {
  data: Post;
  user: MockUser;
}

export const MOCK_HASHTAGS = [
  '日本語',
  'ラーメン',
  '東京',
  'مرحبا',
  'عربي',
  'café',
  'TypeScript',
  'ねこ🐈',
  'Ñandú',
  '한국어',
] as const;

const EMOJI = ['🔥', '🎉', '🍜', '👩‍💻', '✨'];
const FIRST_ID = 1_900_000_000_000_000_000n;

/** Post number `index` (0-based): one or two hashtags, emoji in the text. */
export function makeMockPost(index: number, createdAtMs = Date.now()): MockPost {
  const tags = [MOCK_HASHTAGS[index % MOCK_HASHTAGS.length]!];
  if (index % 3 === 0) tags.push(MOCK_HASHTAGS[(index * 7 + 3) % MOCK_HASHTAGS.length]!);
  const distinct = [...new Set(tags)];
  let text = `${EMOJI[index % EMOJI.length]} post ${index}`;
  const hashtags = distinct.map((tag) => {
    text += ' ';
    const start = [...text].length;
    text += `#${tag}`;
    return { start, end: start + 1 + [...tag].length, tag };
  });
  const user = {
    id: String(10_000 + (index % 50)),
    username: `user${index % 50}`,
    name: `Üser ${index % 50} ✨`,
  };
  return {
    user,
    data: {
      id: String(FIRST_ID + BigInt(index) * 4096n),
      text,
      created_at: new Date(createdAtMs).toISOString(),
      lang: 'und',
      author_id: user.id,
      entities: { hashtags },
    },
  };
}

/** The stream line of a post (`matching_rules` on the filtered stream only). */
export function mockStreamLine(
  post: MockPost,
  matchingRules?: { id: string; tag: string }[],
): string {
  const line: Record<string, unknown> = { data: post.data, includes: { users: [post.user] } };
  if (matchingRules) line.matching_rules = matchingRules;
  return JSON.stringify(line);
}

/** How many posts of `posts` carry each hashtag (what a pipeline should count). */
export function countHashtags(posts: readonly MockPost[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts)
    for (const { tag } of post.data.entities?.hashtags ?? [])
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}
