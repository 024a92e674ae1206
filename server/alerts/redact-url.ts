/**
 * A webhook URL as it may appear in logs: scheme and host only. The path of a Slack incoming
 * webhook (and often the query of others) is the credential itself.
 */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(unparsable URL)';
  }
}
