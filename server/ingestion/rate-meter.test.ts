import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter';

describe('RateMeter', () => {
  it('averages events over the last full seconds of its span and forgets older ones', () => {
    let nowMs = 0;
    const meter = new RateMeter(5000, () => nowMs);
    for (let second = 0; second < 5; second++) {
      nowMs = second * 1000;
      meter.record(10);
    }
    nowMs = 5000;
    expect(meter.ratePerSec()).toBe(10);
    nowMs = 7000;
    expect(meter.ratePerSec()).toBe(6);
    nowMs = 60_000;
    expect(meter.ratePerSec()).toBe(0);
  });
});
