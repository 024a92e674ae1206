import { describe, expect, it } from 'vitest';
import { RecentSightings } from './recent-sightings';

describe('RecentSightings', () => {
  it('counts distinct members per key over the window and forgets those not seen since', () => {
    const sightings = new RecentSightings(60_000);
    sightings.sight('news', 'ann', 2_000);
    sightings.sight('news', 'bob', 2_000);
    expect(sightings.sight('news', 'ann', 30_000).hits).toBe(2);
    sightings.sight('other', 'ann', 30_000);
    expect(sightings.distinct('news')).toBe(2);
    sightings.expire(62_000);
    expect(sightings.distinct('news')).toBe(1);
    expect(sightings.distinct('other')).toBe(1);
    sightings.expire(90_000);
    expect([sightings.distinct('news'), sightings.distinct('other'), sightings.size]).toEqual([
      0, 0, 0,
    ]);
  });
});
