import { describe, expect, it } from 'vitest';
import { ManualServerClock } from '../time/manual-server-clock';
import { WebhookSender } from './webhook-sender';

/** A `fetch` that answers each call with the next status (network error for 0) and records it. */
function scriptedFetch(statuses: number[]) {
  const calls: { url: string; body: string; at: number }[] = [];
  let clock: ManualServerClock | undefined;
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: String(init.body), at: clock?.now() ?? 0 });
    const status = statuses.shift() ?? 200;
    if (status === 0) throw new TypeError('fetch failed');
    return new Response(null, { status });
  }) as unknown as typeof fetch;
  return { calls, fetchFn, useClock: (c: ManualServerClock) => (clock = c) };
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('WebhookSender', () => {
  it('retries failures with exponential backoff on the clock, then sends', async () => {
    const clock = new ManualServerClock();
    const script = scriptedFetch([0, 503, 429, 200]);
    script.useClock(clock);
    const outcomes: string[] = [];
    const sender = new WebhookSender({
      url: 'https://hooks.example/secret',
      clock,
      fetch: script.fetchFn,
      baseDelayMs: 1000,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    sender.send({ text: 'one' });
    await settle();
    expect(script.calls).toHaveLength(1);
    await clock.advance(999);
    await settle();
    expect(script.calls).toHaveLength(1);
    await clock.advance(1);
    await settle();
    await clock.advance(2000);
    await settle();
    await clock.advance(4000);
    await settle();
    expect(script.calls.map((call) => call.at - script.calls[0]!.at)).toEqual([
      0, 1000, 3000, 7000,
    ]);
    expect(JSON.parse(script.calls[3]!.body)).toEqual({ text: 'one' });
    expect(outcomes).toEqual(['sent']);
    expect(sender.pending).toBe(0);
  });

  it('gives up after maxAttempts, does not retry a refusal, and keeps order', async () => {
    const clock = new ManualServerClock();
    const script = scriptedFetch([500, 500, 404, 200]);
    const outcomes: string[] = [];
    const sender = new WebhookSender({
      url: 'https://hooks.example/secret',
      clock,
      fetch: script.fetchFn,
      maxAttempts: 2,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    sender.send({ n: 1 });
    sender.send({ n: 2 });
    sender.send({ n: 3 });
    await settle();
    await clock.advance(1000);
    await settle();
    expect(script.calls.map((call) => JSON.parse(call.body).n)).toEqual([1, 1, 2, 3]);
    expect(outcomes).toEqual(['failed', 'failed', 'sent']);
  });

  it('drops what does not fit in its bounded queue, never blocking the caller', async () => {
    const clock = new ManualServerClock();
    const script = scriptedFetch([0]);
    const outcomes: string[] = [];
    const sender = new WebhookSender({
      url: 'https://hooks.example/secret',
      clock,
      fetch: script.fetchFn,
      maxQueue: 2,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    expect([sender.send(1), sender.send(2), sender.send(3)]).toEqual([true, true, false]);
    expect(outcomes).toEqual(['dropped']);
    sender.close();
  });
});
