import { describe, expect, it } from 'vitest';
import { stalledForMs } from './staleness';

describe('stalledForMs', () => {
  it('is null while updates arrive within five batch intervals', () => {
    expect(stalledForMs(100_000, 109_000, 2000)).toBeNull();
  });

  it('reports the silence once it exceeds five batch intervals and ten seconds', () => {
    expect(stalledForMs(100_000, 110_001, 2000)).toBe(10_001);
    expect(stalledForMs(100_000, 114_000, 3000)).toBeNull();
    expect(stalledForMs(100_000, 116_000, 3000)).toBe(16_000);
  });

  it('is null before the first message', () => {
    expect(stalledForMs(null, 1e12, 2000)).toBeNull();
  });
});
