/**
 * `REDIS_URL` may carry a password (`redis://user:secret@host:6379/0`): only its redacted form
 * is ever logged, shown or put in an error message.
 */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not parseable: say nothing of it rather than risk echoing a secret.
    return '[unparseable Redis URL]';
  }
}
