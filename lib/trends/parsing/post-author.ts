/** The author's `username` and `name` as the line's user expansion gives them. */
export interface PostAuthorNames {
  username: string | undefined;
  name: string | undefined;
}

const NO_NAMES: PostAuthorNames = Object.freeze({ username: undefined, name: undefined });

/**
 * The entry of `includes.users` (X's `expansions=author_id`) whose `id` is `authorId`. Liberal:
 * `includes` is not checked by the line parser, so anything odd (no array, entries that are not
 * objects, names that are not strings) just leaves the names out; the post itself is never lost.
 */
export function authorNamesOf(includes: unknown, authorId: string | undefined): PostAuthorNames {
  if (authorId === undefined || typeof includes !== 'object' || includes === null) return NO_NAMES;
  const users: unknown = (includes as { users?: unknown }).users;
  if (!Array.isArray(users)) return NO_NAMES;
  for (let index = 0; index < users.length; index++) {
    const user: unknown = users[index];
    if (typeof user !== 'object' || user === null) continue;
    const { id, username, name } = user as Record<string, unknown>;
    if (id !== authorId) continue;
    return {
      username: typeof username === 'string' && username.length > 0 ? username : undefined,
      name: typeof name === 'string' && name.length > 0 ? name : undefined,
    };
  }
  return NO_NAMES;
}
