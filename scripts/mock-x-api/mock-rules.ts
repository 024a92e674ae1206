/** The mock's `GET/POST /2/tweets/search/stream/rules`, shaped like X's answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './mock-search';

export interface MockRule {
  id: string;
  value: string;
  tag: string;
}

export interface MockRules {
  byId: Map<string, MockRule>;
  nextId: number;
  /** Every change, in order: `add <value>` or `delete <id>`. */
  log: string[];
}

export async function handleRules(
  req: IncomingMessage,
  res: ServerResponse,
  rules: MockRules,
): Promise<void> {
  if (req.method === 'GET') {
    const data = [...rules.byId.values()];
    const meta = { sent: new Date().toISOString(), result_count: data.length };
    return sendJson(res, 200, data.length > 0 ? { data, meta } : { meta });
  }
  let body: { add?: { value: string; tag?: string }[]; delete?: { ids?: string[] } };
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return sendJson(res, 400, { title: 'Invalid Request', detail: 'body is not JSON' });
  }
  if (body.add) {
    // A rule with unbalanced parentheses is refused, as X does, in `errors` beside the others.
    const invalid = body.add.filter(
      (rule) => rule.value.split('(').length !== rule.value.split(')').length,
    );
    const created = body.add
      .filter((rule) => !invalid.includes(rule))
      .map((rule) => {
        const added = {
          id: String(1_800_000_000_000_000_000n + BigInt(rules.nextId++)),
          value: rule.value,
          tag: rule.tag ?? '',
        };
        rules.byId.set(added.id, added);
        rules.log.push(`add ${rule.value}`);
        return added;
      });
    const summary = {
      created: created.length,
      not_created: invalid.length,
      valid: created.length,
      invalid: invalid.length,
    };
    const errors = invalid.map((rule) => ({
      value: rule.value,
      title: 'UnprocessableEntity',
      type: 'about:blank',
    }));
    const meta = { sent: new Date().toISOString(), summary };
    return sendJson(
      res,
      201,
      errors.length > 0 ? { data: created, meta, errors } : { data: created, meta },
    );
  }
  const ids = body.delete?.ids ?? [];
  const deleted = ids.filter((id) => rules.byId.delete(id));
  for (const id of deleted) rules.log.push(`delete ${id}`);
  const summary = { deleted: deleted.length, not_deleted: ids.length - deleted.length };
  sendJson(res, 200, { meta: { sent: new Date().toISOString(), summary } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
