import { describe, expect, it } from 'vitest';
import { exportFileName, seriesCsv, topListCsv, topListJson } from './export-files';
import type { TopListExport } from './export-files';
import { tagCount } from './test-factories';

const BATCH_TIME = Date.parse('2026-11-26T12:00:05Z');

const list: TopListExport = {
  window: '5m',
  windowMs: 300_000,
  batchTime: BATCH_TIME,
  approximate: true,
  filter: { lang: 'pt', originalsOnly: true },
  tags: [
    { key: 'fútbol', tag: 'Fútbol', count: 12, error: 0 },
    { ...tagCount('a,"b"', 3), error: 2 },
  ],
};

describe('export files', () => {
  it('writes the top list as CSV with its window, batch time and filters', () => {
    expect(topListCsv(list).split('\r\n')).toEqual([
      'rank,tag,key,count,error,window,batch_time,lang,originals_only',
      '1,#Fútbol,fútbol,12,0,5m,2026-11-26T12:00:05.000Z,pt,true',
      '2,"#a,""b""","a,""b""",3,2,5m,2026-11-26T12:00:05.000Z,pt,true',
      '',
    ]);
  });

  it('writes "all" and false for an unfiltered list', () => {
    const csv = topListCsv({ ...list, filter: {}, tags: [tagCount('x', 1)] });
    expect(csv.split('\r\n')[1]).toBe('1,#x,x,1,0,5m,2026-11-26T12:00:05.000Z,all,false');
  });

  it('writes the top list as JSON', () => {
    expect(JSON.parse(topListJson(list))).toEqual({
      window: '5m',
      windowMs: 300_000,
      batchTime: '2026-11-26T12:00:05.000Z',
      batchTimeMs: BATCH_TIME,
      approximate: true,
      filters: { lang: 'pt', originalsOnly: true },
      tags: [
        { rank: 1, tag: 'Fútbol', key: 'fútbol', count: 12, error: 0 },
        { rank: 2, tag: 'a,"b"', key: 'a,"b"', count: 3, error: 2 },
      ],
    });
  });

  it('writes the series as one row per point and tag', () => {
    const csv = seriesCsv({
      window: '5m',
      batchTime: BATCH_TIME,
      unit: 'posts per batch',
      tags: [
        { key: 'a', tag: 'A' },
        { key: 'b', tag: 'B' },
      ],
      points: [
        { batchTime: BATCH_TIME - 1000, values: [1, 2] },
        { batchTime: BATCH_TIME, values: [3] },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'batch_time,batch_time_ms,tag,key,count,unit',
      `2026-11-26T12:00:04.000Z,${BATCH_TIME - 1000},#A,a,1,posts per batch`,
      `2026-11-26T12:00:04.000Z,${BATCH_TIME - 1000},#B,b,2,posts per batch`,
      `2026-11-26T12:00:05.000Z,${BATCH_TIME},#A,a,3,posts per batch`,
      `2026-11-26T12:00:05.000Z,${BATCH_TIME},#B,b,0,posts per batch`,
      '',
    ]);
  });

  it('keeps a spreadsheet from reading a field as a formula', () => {
    const csv = topListCsv({ ...list, tags: [{ key: '=cmd', tag: '@x', count: 1, error: 0 }] });
    expect(csv.split('\r\n')[1]).toMatch(/^1,#@x,'=cmd,/);
  });

  it('names files with the window and the batch time', () => {
    expect(exportFileName('top', '5m', BATCH_TIME, 'csv')).toBe(
      'tagstream-top-5m-2026-11-26T12-00-05Z.csv',
    );
    expect(exportFileName('series-chart', '1h', BATCH_TIME + 250, 'png')).toBe(
      'tagstream-series-chart-1h-2026-11-26T12-00-05Z.png',
    );
  });
});
