import { describe, expect, it } from 'vitest';
import { LocalViewDemand, mergeDemands } from './view-demand';

function localDemand(bounds = { maxTags: 3, maxFilters: 2 }) {
  let nowMs = 1000;
  let newAsks = 0;
  const demand = new LocalViewDemand(
    bounds,
    60_000,
    () => newAsks++,
    () => nowMs,
  );
  return {
    demand,
    advance: (ms: number) => (nowMs += ms),
    newAsks: () => newAsks,
  };
}

describe('LocalViewDemand', () => {
  it('calls back only for what was not asked before or was forgotten since', () => {
    const { demand, advance, newAsks } = localDemand();
    demand.askDetail('worldcup');
    demand.askDetail('worldcup');
    expect(newAsks()).toBe(1);
    demand.askDetail('worldcup', 300_000);
    demand.askDetail('worldcup', 300_000);
    expect(newAsks()).toBe(2);
    demand.askFilter({ lang: 'pt' });
    demand.askFilter({ lang: 'pt' });
    expect(newAsks()).toBe(3);
    advance(60_001);
    demand.askFilter({ lang: 'pt' });
    expect(newAsks()).toBe(4);
  });

  it('keeps what was asked within the ttl, with the windows of its related tags', () => {
    const { demand, advance } = localDemand();
    demand.askDetail('worldcup', 60_000);
    advance(30_000);
    demand.askDetail('final', 300_000);
    demand.askDetail('worldcup');
    expect(demand.current()).toEqual({
      details: [
        ['final', [300_000], 31_000],
        ['worldcup', [60_000], 31_000],
      ],
      filters: [],
    });
    advance(30_001);
    // worldcup's 1 m related tags were asked 60 001 ms ago: forgotten; the tag is not.
    expect(demand.current().details).toEqual([
      ['final', [300_000], 31_000],
      ['worldcup', [], 31_000],
    ]);
    advance(30_000);
    expect(demand.current()).toEqual({ details: [], filters: [] });
  });

  it('lets the least recently asked go beyond its bounds', () => {
    const { demand, advance } = localDemand();
    for (const key of ['a', 'b', 'c']) {
      demand.askDetail(key);
      advance(1);
    }
    demand.askDetail('a');
    demand.askDetail('d');
    expect(demand.current().details.map(([key]) => key)).toEqual(['c', 'a', 'd']);
    demand.askFilter({ lang: 'pt' });
    demand.askFilter({ originalsOnly: true });
    demand.askFilter({ lang: 'en', originalsOnly: true });
    expect(demand.current().filters.map(([filter]) => filter)).toEqual([
      { originalsOnly: true },
      { lang: 'en', originalsOnly: true },
    ]);
  });
});

describe('mergeDemands', () => {
  it('lists each tag and filter once, with every window asked and its latest ask', () => {
    const merged = mergeDemands(
      [
        { details: [['worldcup', [60_000], 10]], filters: [[{ lang: 'pt' }, 10]] },
        {
          details: [
            ['worldcup', [300_000], 20],
            ['final', [], 5],
          ],
          filters: [[{ lang: 'pt' }, 30]],
        },
      ],
      { maxTags: 10, maxFilters: 10 },
    );
    expect(merged).toEqual({
      details: [
        ['worldcup', [60_000, 300_000], 20],
        ['final', [], 5],
      ],
      filters: [[{ lang: 'pt' }, 30]],
    });
  });

  it('keeps the most recently asked within its bounds', () => {
    const merged = mergeDemands(
      [
        {
          details: [
            ['old', [], 1],
            ['new', [], 3],
            ['middle', [], 2],
          ],
          filters: [
            [{ lang: 'pt' }, 1],
            [{ lang: 'en' }, 2],
          ],
        },
      ],
      { maxTags: 2, maxFilters: 1 },
    );
    expect(merged.details.map(([key]) => key)).toEqual(['new', 'middle']);
    expect(merged.filters).toEqual([[{ lang: 'en' }, 2]]);
  });
});
