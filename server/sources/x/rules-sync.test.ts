import { afterEach, describe, expect, it } from 'vitest';
import { startMockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import type { MockXApi } from '../../../scripts/mock-x-api/mock-x-api';
import { MOCK_TOKEN } from '../../../scripts/mock-x-api/test-support';
import { createXClient } from './x-client';
import { parseRuleLines, planRulesSync, syncStreamRules } from './rules-sync';

let mock: MockXApi | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('parseRuleLines', () => {
  it('takes one rule a line, trimmed, without blanks or repeats', () => {
    expect(parseRuleLines('  #日本語 \n\nlang:ja has:hashtags\r\n#日本語\n')).toEqual([
      '#日本語',
      'lang:ja has:hashtags',
    ]);
  });
});

describe('planRulesSync', () => {
  it('adds missing rules with the value as tag and deletes stale ones', () => {
    const current = [
      { id: '1', value: '#keep', tag: 'anything' },
      { id: '2', value: '#stale' },
    ];
    expect(planRulesSync(current, ['#keep', '#new'])).toEqual({
      add: [{ value: '#new', tag: '#new' }],
      deleteIds: ['2'],
    });
  });

  it('changes nothing when the rules already match', () => {
    expect(planRulesSync([{ id: '1', value: '#a' }], ['#a'])).toEqual({ add: [], deleteIds: [] });
  });
});

describe('syncStreamRules', () => {
  it('makes the rules on X equal to the configured ones', async () => {
    mock = await startMockXApi({ bearerToken: MOCK_TOKEN });
    mock.rules.byId.set('9', { id: '9', value: '#old', tag: '#old' });
    mock.rules.byId.set('10', { id: '10', value: '#keep', tag: '#keep' });
    const client = createXClient({ bearerToken: MOCK_TOKEN, baseUrl: mock.url });
    await syncStreamRules(client, ['#keep', 'café lang:fr']);
    expect([...mock.rules.byId.values()].map((rule) => rule.value).sort()).toEqual([
      '#keep',
      'café lang:fr',
    ]);
    expect(mock.rules.log).toEqual(['delete 9', 'add café lang:fr']);
    await syncStreamRules(client, ['#keep', 'café lang:fr']);
    expect(mock.rules.log).toHaveLength(2);
  });

  it('reports the rules X refused', async () => {
    mock = await startMockXApi({ bearerToken: MOCK_TOKEN });
    const client = createXClient({ bearerToken: MOCK_TOKEN, baseUrl: mock.url });
    const result = await syncStreamRules(client, ['#ok', '(#broken']);
    expect(result.rejected).toEqual(['(#broken: UnprocessableEntity']);
    expect([...mock.rules.byId.values()].map((rule) => rule.value)).toEqual(['#ok']);
  });
});
