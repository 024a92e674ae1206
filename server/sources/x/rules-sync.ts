/**
 * Filtered-stream rules are kept on X's side; at start we make them equal to X_STREAM_RULES:
 * missing rules are added (tag = the rule's value), rules no longer configured are deleted.
 * A rule is the same when its value is the same (tags are labels only).
 */
import type { TwitterApi } from 'twitter-api-v2';

export interface StreamRule {
  id: string;
  value: string;
  tag?: string;
}

export interface RulesPlan {
  add: { value: string; tag: string }[];
  deleteIds: string[];
}

/** X_STREAM_RULES: one rule a line; blank lines dropped, duplicates once. */
export function parseRuleLines(text: string): string[] {
  const values = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

export function planRulesSync(
  current: readonly StreamRule[],
  desired: readonly string[],
): RulesPlan {
  const wanted = new Set(desired);
  const present = new Set(current.map((rule) => rule.value));
  return {
    add: desired.filter((value) => !present.has(value)).map((value) => ({ value, tag: value })),
    deleteIds: current.filter((rule) => !wanted.has(rule.value)).map((rule) => rule.id),
  };
}

export interface RulesSyncResult extends RulesPlan {
  /** Rules X refused to add (invalid syntax, duplicates…), with X's reason. */
  rejected: string[];
}

/** Applies the plan on X (delete first: the 1,000-rule cap counts stale rules too). */
export async function syncStreamRules(
  client: TwitterApi,
  desired: readonly string[],
): Promise<RulesSyncResult> {
  const current = await client.v2.streamRules();
  const plan = planRulesSync(current.data ?? [], desired);
  if (plan.deleteIds.length > 0)
    await client.v2.updateStreamRules({ delete: { ids: plan.deleteIds } });
  if (plan.add.length === 0) return { ...plan, rejected: [] };
  const added = await client.v2.updateStreamRules({ add: plan.add });
  const rejected = (added.errors ?? []).map((error) => `${error.value ?? '?'}: ${error.title}`);
  return { ...plan, rejected };
}
