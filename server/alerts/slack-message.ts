import type { TrendingEntry } from './trending-entries';

/** What the webhook receives: Slack's incoming-webhook shape (`text`, then `blocks`). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

/** Slack's mrkdwn needs `&`, `<` and `>` escaped (a post's text is never sent, only numbers). */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "#WorldCup is trending (#2 of the top 10): 3.2× its usual rate, 83 people in the last 1m". */
export function trendingMessage(entry: TrendingEntry, top: number, shortestWindow: string) {
  const { tag, rank } = entry;
  const name = `#${escapeMrkdwn(tag.tag)}`;
  const why =
    tag.rateMultiple === null
      ? `new: ${tag.fastRatePerMin.toFixed(1)} posts a minute`
      : `${tag.rateMultiple.toFixed(1)}× its usual rate`;
  const people = `${tag.authors} ${tag.authors === 1 ? 'person' : 'people'}`;
  const text = `${name} is trending (#${rank} of the top ${top}): ${why}, ${people} in the last ${shortestWindow}`;
  const facts = [
    `score ${tag.score.toFixed(1)}`,
    `${tag.count} posts`,
    `${tag.originals} original posts`,
    `since ${new Date(tag.trendingSinceMs).toISOString()}`,
  ];
  const blocks: SlackBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${name}* ${text.slice(name.length + 1)}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: facts.join(' · ') }] },
  ];
  return { text, blocks } satisfies SlackMessage;
}
