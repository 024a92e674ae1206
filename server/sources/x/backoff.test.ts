import { describe, expect, it } from 'vitest';
import { ReconnectBackoff } from './backoff';
import type { Failure } from './backoff';

function delays(backoff: ReconnectBackoff, failure: Failure, count: number, nowMs = 0): number[] {
  return Array.from({ length: count }, () => backoff.nextDelayMs(failure, nowMs));
}

describe('ReconnectBackoff', () => {
  it('reconnects at once after a healthy connection drops', () => {
    expect(delays(new ReconnectBackoff(), { kind: 'drop' }, 3)).toEqual([0, 0, 0]);
  });

  it('backs off linearly by 250 ms up to 16 s on network errors', () => {
    const sequence = delays(new ReconnectBackoff(), { kind: 'network' }, 66);
    expect(sequence.slice(0, 4)).toEqual([250, 500, 750, 1000]);
    expect(sequence[63]).toBe(16_000);
    expect(sequence.slice(64)).toEqual([16_000, 16_000]);
  });

  it('backs off exponentially from 5 s up to 320 s on HTTP errors', () => {
    expect(delays(new ReconnectBackoff(), { kind: 'http' }, 9)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 320_000, 320_000,
    ]);
  });

  it('backs off exponentially from 60 s on 429, up to 15 min', () => {
    expect(delays(new ReconnectBackoff(), { kind: 'rate-limit' }, 6)).toEqual([
      60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
  });

  it('waits for the rate-limit reset when it is later than the backoff', () => {
    const backoff = new ReconnectBackoff();
    const nowMs = 1_000_000;
    expect(backoff.nextDelayMs({ kind: 'rate-limit', resetAtMs: nowMs + 300_000 }, nowMs)).toBe(
      300_000,
    );
    expect(backoff.nextDelayMs({ kind: 'rate-limit', resetAtMs: nowMs + 30_000 }, nowMs)).toBe(
      120_000,
    );
  });

  it('counts each kind apart and starts over after reset', () => {
    const backoff = new ReconnectBackoff();
    expect(delays(backoff, { kind: 'network' }, 2)).toEqual([250, 500]);
    expect(delays(backoff, { kind: 'http' }, 2)).toEqual([5_000, 10_000]);
    expect(backoff.nextDelayMs({ kind: 'network' }, 0)).toBe(750);
    backoff.reset();
    expect(backoff.nextDelayMs({ kind: 'network' }, 0)).toBe(250);
    expect(backoff.nextDelayMs({ kind: 'http' }, 0)).toBe(5_000);
  });

  it('multiplies every delay by the scale, but not the wait for a server-given reset', () => {
    const backoff = new ReconnectBackoff(0.001);
    expect(delays(backoff, { kind: 'network' }, 2)).toEqual([0.25, 0.5]);
    expect(backoff.nextDelayMs({ kind: 'http' }, 0)).toBe(5);
    expect(backoff.nextDelayMs({ kind: 'rate-limit' }, 0)).toBe(60);
    expect(backoff.nextDelayMs({ kind: 'rate-limit', resetAtMs: 2_000 }, 0)).toBe(2_000);
  });
});
